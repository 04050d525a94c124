package org.mnemosyne.web.view;

import static org.mnemosyne.web.view.Pages.blank;
import static org.mnemosyne.web.view.Pages.error;
import static org.mnemosyne.web.view.Pages.wholeInt;
import static org.mnemosyne.web.view.Pages.wholeNumber;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.db.catalog.ItemRecord;
import org.mnemosyne.runtime.image.ImageDecodingException;
import org.mnemosyne.web.explain.ExplainRequest;
import org.mnemosyne.web.explain.ImageRef;
import org.mnemosyne.web.platform.ExplanationService;
import org.mnemosyne.web.search.NotFoundException;
import org.mnemosyne.web.search.SearchService;
import org.mnemosyne.web.search.UploadStore;
import org.primefaces.model.file.UploadedFile;

/**
 * The compare page ({@code compare.xhtml}): two images — items from the collections or uploads —
 * and an explainer. The whole state is in the URL ({@code ?query=…|upload=…&target=…|tupload=…
 * &explainer=…&order=…&segmentation=…&grid=…&budget=…}); with an explainer named, the page's script
 * starts (or fetches from the cache) the explanation through the REST API, shows its progress and
 * draws it. Only uploads are POSTed; they are kept and the page redirects to its permalink.
 */
@Named
@RequestScoped
public class CompareView {
  @Inject ExplanationService explanations;
  @Inject SearchService search;
  @Inject UploadStore uploads;

  private String query;
  private String upload;
  private String target;
  private String tupload;
  private String explainer;
  private String order;
  private String segmentation;
  private String grid;
  private String budget;
  private transient UploadedFile queryFile;
  private transient UploadedFile targetFile;
  private List<String> explainerNames = List.of();
  private String startBody;

  /**
   * An image chosen by the URL.
   *
   * @param thumbnail its thumbnail URL (relative)
   * @param display its display-size URL (relative)
   * @param caption title, makers and date
   * @param tiles its deep-zoom descriptor URL (relative)
   * @param zoomPage its deep-zoom page (relative)
   */
  public record Chosen(
      String thumbnail, String display, String caption, String tiles, String zoomPage) {}

  /** Reads the URL (the page's view action). */
  public void load() {
    try {
      explainerNames =
          explanations.explainers().stream().map(ExplainerProvider::name).sorted().toList();
    } catch (RuntimeException e) {
      error("The model is not available: " + e.getMessage());
      return;
    }
    if (blank(explainer)) {
      return;
    }
    try {
      ExplainRequest r =
          new ExplainRequest(
              ImageRef.of("query", query, upload),
              ImageRef.of("compared", target, tupload),
              explainer,
              ExplainRequest.order(order),
              segmentation,
              intParam("grid", grid, 7),
              intParam("budget", budget, 512),
              0);
      Map<String, String> form = new LinkedHashMap<>();
      r.query().item().ifPresent(i -> form.put("queryItem", i.toString()));
      r.query().upload().ifPresent(u -> form.put("queryUpload", u));
      r.target().item().ifPresent(i -> form.put("targetItem", i.toString()));
      r.target().upload().ifPresent(u -> form.put("targetUpload", u));
      form.put("explainer", r.explainer());
      form.put("order", r.order().name());
      form.put("segmentation", r.segmentation());
      form.put("grid", Integer.toString(r.grid()));
      form.put("budget", Integer.toString(r.budget()));
      startBody = encode(form);
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
    }
  }

  /** Keeps the uploaded images and redirects to the page naming them. */
  public void useUploads() throws IOException {
    try {
      String q = upload;
      String t = tupload;
      String qi = query;
      String ti = target;
      if (has(queryFile)) {
        q = uploads.store(queryFile.getContent());
        qi = null;
      }
      if (has(targetFile)) {
        t = uploads.store(targetFile.getContent());
        ti = null;
      }
      Map<String, String> params = new LinkedHashMap<>();
      put(params, "query", qi);
      put(params, "upload", blank(qi) ? q : null);
      put(params, "target", ti);
      put(params, "tupload", blank(ti) ? t : null);
      ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
      ec.redirect(ec.getRequestContextPath() + "/compare.xhtml?" + encode(params));
      FacesContext.getCurrentInstance().responseComplete();
    } catch (ImageDecodingException e) {
      error("That file is not an image we can read: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
    }
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (!blank(v)) {
      m.put(k, v.trim());
    }
  }

  private static String encode(Map<String, String> form) {
    StringBuilder sb = new StringBuilder();
    for (var e : form.entrySet()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  private static boolean has(UploadedFile f) {
    return f != null && f.getSize() > 0;
  }

  private static int intParam(String name, String s, int def) {
    return blank(s) ? def : wholeInt(name, s);
  }

  private Chosen chosen(String item, String up) {
    try {
      if (!blank(item)) {
        ItemRecord r = search.activeItem(wholeNumber("item", item));
        return new Chosen(
            "img/item/" + r.id() + "/thumb",
            "img/item/" + r.id() + "/display",
            r.altText(),
            "zoom/item/" + r.id() + ".dzi",
            "zoom.xhtml?item=" + r.id());
      }
      if (!blank(up)) {
        String u = UploadStore.checkId(up.trim());
        return new Chosen(
            "img/upload/" + u + "/thumb",
            "img/upload/" + u + "/display",
            "your uploaded image",
            "zoom/upload/" + u + ".dzi",
            "zoom.xhtml?upload=" + u);
      }
    } catch (IllegalArgumentException | NotFoundException e) {
      return null;
    }
    return null;
  }

  /** The query image, or null. */
  public Chosen getChosenQuery() {
    return chosen(query, upload);
  }

  /** The compared image, or null. */
  public Chosen getChosenTarget() {
    return chosen(target, tupload);
  }

  /** The form body that starts the explanation (for the page's script), or null. */
  public String getStartBody() {
    return startBody;
  }

  /** Explainer names. */
  public List<String> getExplainerNames() {
    return explainerNames;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getUpload() {
    return upload;
  }

  public void setUpload(String upload) {
    this.upload = upload;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getTupload() {
    return tupload;
  }

  public void setTupload(String tupload) {
    this.tupload = tupload;
  }

  public String getExplainer() {
    return blank(explainer) ? "search-cam" : explainer;
  }

  public void setExplainer(String explainer) {
    this.explainer = explainer;
  }

  public String getOrder() {
    return blank(order) ? "FIRST" : order;
  }

  public void setOrder(String order) {
    this.order = order;
  }

  public String getSegmentation() {
    return blank(segmentation) ? "grid" : segmentation;
  }

  public void setSegmentation(String segmentation) {
    this.segmentation = segmentation;
  }

  public String getGrid() {
    return blank(grid) ? "7" : grid;
  }

  public void setGrid(String grid) {
    this.grid = grid;
  }

  public String getBudget() {
    return blank(budget) ? "512" : budget;
  }

  public void setBudget(String budget) {
    this.budget = budget;
  }

  public UploadedFile getQueryFile() {
    return queryFile;
  }

  public void setQueryFile(UploadedFile queryFile) {
    this.queryFile = queryFile;
  }

  public UploadedFile getTargetFile() {
    return targetFile;
  }

  public void setTargetFile(UploadedFile targetFile) {
    this.targetFile = targetFile;
  }
}
