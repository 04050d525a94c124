package org.mnemosyne.web.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import javax.imageio.ImageIO;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.db.catalog.ItemRecord;
import org.mnemosyne.runtime.render.HeatmapRenderer;
import org.mnemosyne.web.platform.ExplanationService;
import org.mnemosyne.web.search.ImageService;
import org.mnemosyne.web.search.NotFoundException;
import org.mnemosyne.web.search.SearchService;
import org.mnemosyne.web.search.UploadStore;
import org.primefaces.model.file.UploadedFile;

/** The compare page: two images, an explainer, heat-maps and the cost. */
@Named
@ViewScoped
public class CompareView implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_UPLOAD = 32 * 1024 * 1024;

  @Inject transient ExplanationService service;
  @Inject transient SearchService search;
  @Inject transient UploadStore uploads;
  @Inject transient ImageService images;

  private String queryItem;
  private String queryUpload;
  private String targetItem;

  private transient UploadedFile queryFile;
  private transient UploadedFile targetFile;
  private String explainer = "search-cam";
  private String order = "FIRST";
  private int grid = 7;
  private int budget = 512;
  private double opacity = 0.6;
  private List<String> explainerNames = List.of();
  private List<Panel> panels = List.of();
  private String summary;

  /**
   * One picture on the page.
   *
   * @param title caption
   * @param dataUri the PNG as a data URI
   * @param alt text alternative, including the strongest regions in words
   */
  public record Panel(String title, String dataUri, String alt) implements Serializable {}

  @PostConstruct
  void init() {
    try {
      explainerNames = service.explainers().stream().map(ExplainerProvider::name).sorted().toList();
    } catch (RuntimeException e) {
      error("The model is not available: " + e.getMessage());
    }
  }

  /** Runs the explanation and renders it. */
  public void explain() {
    panels = List.of();
    summary = null;
    if (!hasFile(queryFile) && getChosenQuery() == null
        || !hasFile(targetFile) && getChosenTarget() == null) {
      error("Choose two images to compare.");
      return;
    }
    if (hasFile(queryFile) && queryFile.getSize() > MAX_UPLOAD
        || hasFile(targetFile) && targetFile.getSize() > MAX_UPLOAD) {
      error("Images must be smaller than 32 MB.");
      return;
    }
    try {
      byte[] queryBytes =
          hasFile(queryFile)
              ? queryFile.getContent()
              : blank(queryItem)
                  ? uploads.read(queryUpload.trim())
                  : images.original(search.activeItem(id(queryItem)));
      byte[] targetBytes =
          hasFile(targetFile)
              ? targetFile.getContent()
              : images.original(search.activeItem(id(targetItem)));
      Order o = Order.valueOf(order);
      ExplanationParameters p =
          ExplanationParameters.defaults()
              .withOrder(o)
              .withSides(EnumSet.allOf(Side.class))
              .withSegmentation(Segmentation.grid(grid, grid))
              .withBudget(budget);
      ExplanationService.Result r = service.explain(queryBytes, targetBytes, explainer, p);
      panels = render(r);
      Explanation e = r.explanation();
      summary =
          String.format(
              "%s %s: similarity v(N) = %.4f, v(∅) = %.4f; %d model evaluations in %d ms%s",
              e.explainer(),
              e.explainerVersion(),
              e.fullValue(),
              e.baseValue(),
              e.evaluations(),
              e.wallTime().toMillis(),
              e.errorEstimate().isPresent()
                  ? String.format("; estimated error %.2g", e.errorEstimate().getAsDouble())
                  : "");
    } catch (IllegalArgumentException | IllegalStateException | NotFoundException e) {
      error(e.getMessage());
    }
  }

  private static boolean hasFile(UploadedFile f) {
    return f != null && f.getSize() > 0;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static long id(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("item must be a number, not “" + s + "”");
    }
  }

  /**
   * The query chosen by the URL ({@code ?query=<item>} or {@code ?upload=<id>}), as a thumbnail URL
   * and caption, or null.
   */
  public Chosen getChosenQuery() {
    if (!blank(queryItem)) {
      return chosenItem(queryItem);
    }
    if (!blank(queryUpload)) {
      try {
        String u = UploadStore.checkId(queryUpload.trim());
        return new Chosen("img/upload/" + u + "/thumb", "your uploaded image");
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /** The compared item chosen by the URL ({@code ?target=<item>}), or null. */
  public Chosen getChosenTarget() {
    return blank(targetItem) ? null : chosenItem(targetItem);
  }

  private Chosen chosenItem(String idText) {
    try {
      ItemRecord r = search.activeItem(id(idText));
      return new Chosen("img/item/" + r.id() + "/thumb", r.altText());
    } catch (IllegalArgumentException | NotFoundException e) {
      return null;
    }
  }

  /**
   * An image chosen by the URL.
   *
   * @param thumbnail its thumbnail URL (relative)
   * @param caption title, makers and date
   */
  public record Chosen(String thumbnail, String caption) implements Serializable {}

  public String getQueryItem() {
    return queryItem;
  }

  public void setQueryItem(String queryItem) {
    this.queryItem = queryItem;
  }

  public String getQueryUpload() {
    return queryUpload;
  }

  public void setQueryUpload(String queryUpload) {
    this.queryUpload = queryUpload;
  }

  public String getTargetItem() {
    return targetItem;
  }

  public void setTargetItem(String targetItem) {
    this.targetItem = targetItem;
  }

  private List<Panel> render(ExplanationService.Result r) {
    List<Panel> out = new ArrayList<>();
    Explanation e = r.explanation();
    e.map(Side.QUERY)
        .ifPresent(
            m ->
                out.add(
                    panel(
                        "Query",
                        HeatmapRenderer.overlay(r.query(), m, opacity),
                        "Query image; strongest region: cell " + strongest(m.values()))));
    e.map(Side.TARGET)
        .ifPresent(
            m ->
                out.add(
                    panel(
                        "Match",
                        HeatmapRenderer.overlay(r.target(), m, opacity),
                        "Matched image; strongest region: cell " + strongest(m.values()))));
    e.joint()
        .ifPresent(
            j ->
                out.add(
                    panel(
                        "Correspondence",
                        HeatmapRenderer.correspondence(r.query(), r.target(), j, 12),
                        "Lines join the query and match regions that interact most")));
    return out;
  }

  private static String strongest(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (Math.abs(v[i]) > Math.abs(v[best])) {
        best = i;
      }
    }
    return best + String.format(" (%+.4f)", v[best]);
  }

  private static Panel panel(String title, java.awt.image.BufferedImage img, String alt) {
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(img, "png", png);
      return new Panel(
          title,
          "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()),
          alt);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode PNG", e);
    }
  }

  private static void error(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
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

  public String getExplainer() {
    return explainer;
  }

  public void setExplainer(String explainer) {
    this.explainer = explainer;
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = order;
  }

  public int getGrid() {
    return grid;
  }

  public void setGrid(int grid) {
    this.grid = grid;
  }

  public int getBudget() {
    return budget;
  }

  public void setBudget(int budget) {
    this.budget = budget;
  }

  public double getOpacity() {
    return opacity;
  }

  public void setOpacity(double opacity) {
    this.opacity = opacity;
  }

  public List<String> getExplainerNames() {
    return explainerNames;
  }

  public List<Panel> getPanels() {
    return panels;
  }

  public String getSummary() {
    return summary;
  }
}
