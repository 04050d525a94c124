package org.mnemosyne.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.explain.metrics.DeletionInsertion;
import org.mnemosyne.explain.metrics.Faithfulness;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;
import org.mnemosyne.runtime.model.EmbeddingSimilarity;
import org.mnemosyne.runtime.plugin.PluginRegistry;

/**
 * Explains why two images are similar under the portal's model, with any registered explainer
 * (built-in or plugin). Synchronous and budget-capped for interactive use.
 */
@ApplicationScoped
public class ExplanationService {
  /** Largest budget an interactive request may ask for. */
  public static final int MAX_INTERACTIVE_BUDGET = 2048;

  @Inject PluginRegistry registry;
  @Inject ModelService models;

  private final ImageDecoder decoder = new ImageDecoder();

  /**
   * An explanation and the two images as the model saw them.
   *
   * @param query the query at model resolution
   * @param target the target at model resolution
   * @param explanation the result
   */
  public record Result(RgbImage query, RgbImage target, Explanation explanation) {}

  /** The explainers that can run on the portal's model, by name. */
  public List<ExplainerProvider> explainers() {
    boolean greyBox = models.model().info().featureMaps();
    return registry.providers(ExplainerProvider.class).stream()
        .filter(p -> greyBox || !p.requiresGreyBox())
        .toList();
  }

  /**
   * How faithful one side's first-order map is: deletion and insertion areas over 10 steps, on the
   * explanation's own regions and censor (22 more model evaluations at most).
   */
  public DeletionInsertion.Curves faithfulness(
      Result r, Side side, ExplanationParameters p, CancellationToken cancellation) {
    SegmentAttribution map =
        r.explanation()
            .map(side)
            .orElseThrow(() -> new IllegalStateException("no " + side + " map"));
    return Faithfulness.of(
        ExplanationRequest.builder(r.query(), r.target(), new EmbeddingSimilarity(models.model()))
            .cancellation(cancellation)
            .build(),
        side,
        map,
        p.segmentation(),
        p.censor(),
        10);
  }

  /**
   * Decodes both images (untrusted bytes) and explains their similarity.
   *
   * @throws IllegalArgumentException for unusable images, unknown explainers or parameters the
   *     explainer does not support; the message says which
   */
  public Result explain(
      byte[] queryBytes, byte[] targetBytes, String explainer, ExplanationParameters parameters) {
    return explain(
        queryBytes,
        targetBytes,
        explainer,
        parameters,
        ProgressListener.NONE,
        CancellationToken.NONE);
  }

  /**
   * As {@link #explain(byte[], byte[], String, ExplanationParameters)}, reporting progress and
   * stopping when cancelled.
   *
   * @throws org.mnemosyne.api.progress.CancelledException when cancelled
   */
  public Result explain(
      byte[] queryBytes,
      byte[] targetBytes,
      String explainer,
      ExplanationParameters parameters,
      ProgressListener progress,
      CancellationToken cancellation) {
    if (parameters.budget() > MAX_INTERACTIVE_BUDGET) {
      throw new IllegalArgumentException(
          "budget "
              + parameters.budget()
              + " is above the interactive limit of "
              + MAX_INTERACTIVE_BUDGET);
    }
    ExplainerProvider provider = registry.require(ExplainerProvider.class, explainer);
    if (!provider.orders().contains(parameters.order())) {
      throw new IllegalArgumentException(
          explainer
              + " computes "
              + Set.copyOf(provider.orders())
              + " explanations, not "
              + parameters.order());
    }
    EmbeddingModel model = models.model();
    int w = model.info().inputWidth();
    int h = model.info().inputHeight();
    RgbImage q = ImageResizer.toRgb(decoder.decode(queryBytes, w, h), w, h);
    RgbImage t = ImageResizer.toRgb(decoder.decode(targetBytes, w, h), w, h);
    Explanation e =
        provider
            .create(registry.contextFor(provider))
            .explain(
                ExplanationRequest.builder(q, t, new EmbeddingSimilarity(model))
                    .parameters(parameters)
                    .progress(progress)
                    .cancellation(cancellation)
                    .build());
    return new Result(q, t, e);
  }
}
