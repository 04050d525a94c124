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
import org.mnemosyne.runtime.render.HeatmapRenderer;
import org.mnemosyne.web.platform.ExplanationService;
import org.primefaces.model.file.UploadedFile;

/** The compare page: two images, an explainer, heat-maps and the cost. */
@Named
@ViewScoped
public class CompareView implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_UPLOAD = 32 * 1024 * 1024;

  @Inject transient ExplanationService service;

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
    if (queryFile == null
        || targetFile == null
        || queryFile.getSize() == 0
        || targetFile.getSize() == 0) {
      error("Choose two images to compare.");
      return;
    }
    if (queryFile.getSize() > MAX_UPLOAD || targetFile.getSize() > MAX_UPLOAD) {
      error("Images must be smaller than 32 MB.");
      return;
    }
    try {
      Order o = Order.valueOf(order);
      ExplanationParameters p =
          ExplanationParameters.defaults()
              .withOrder(o)
              .withSides(EnumSet.allOf(Side.class))
              .withSegmentation(Segmentation.grid(grid, grid))
              .withBudget(budget);
      ExplanationService.Result r =
          service.explain(queryFile.getContent(), targetFile.getContent(), explainer, p);
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
    } catch (IllegalArgumentException | IllegalStateException e) {
      error(e.getMessage());
    }
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
