package org.mnemosyne.explain;

import java.util.List;
import java.util.Optional;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.GreyBoxSimilarity;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.FeatureMap;
import org.mnemosyne.explain.censor.CensorStrategy;
import org.mnemosyne.explain.censor.SegmentedImage;
import org.mnemosyne.explain.game.SimilarityGame;
import org.mnemosyne.explain.segment.FeatureGrid;
import org.mnemosyne.explain.segment.Segmenter;

/**
 * A request made ready for a black-box explainer: options checked, each image segmented and
 * censored once, and the {@link SimilarityGame} under the request's budget.
 *
 * <p>Images of different sizes are fine: each is segmented on its own. For feature-cell
 * segmentation the shape comes from the option {@code cells=RxC} or, failing that, from the
 * grey-box feature maps of the two images (forward passes that are not similarity evaluations);
 * without either the request is refused. Not thread-safe; one per request.
 */
public final class ExplanationSetup {
  private final ExplanationRequest request;
  private final ExplainerOptions options;
  private final SimilarityGame game;

  private ExplanationSetup(
      ExplanationRequest request, ExplainerOptions options, SimilarityGame game) {
    this.request = request;
    this.options = options;
    this.game = game;
  }

  /**
   * Prepares a request.
   *
   * @param explainer the explainer's name, for messages
   * @param request the request
   * @param options the checked options
   * @throws IllegalArgumentException if the segmentation cannot be applied to an image
   */
  public static ExplanationSetup prepare(
      String explainer, ExplanationRequest request, ExplainerOptions options) {
    ExplanationParameters p = request.parameters();
    request.cancellation().throwIfCancelled();
    FeatureGrid[] grids = featureGrids(request, options);
    CensorStrategy censor = CensorStrategy.of(p.censor());
    SegmentedImage query =
        prepareImage(explainer, request.query(), p.segmentation(), grids[0], censor);
    SegmentedImage target =
        prepareImage(explainer, request.target(), p.segmentation(), grids[1], censor);
    SimilarityGame game =
        new SimilarityGame(
            query,
            target,
            request.counterfactualQuery(),
            request.similarity(),
            p.budget(),
            p.batchSize(),
            request.progress(),
            request.cancellation());
    return new ExplanationSetup(request, options, game);
  }

  private static SegmentedImage prepareImage(
      String explainer,
      RgbImage image,
      Segmentation segmentation,
      FeatureGrid grid,
      CensorStrategy censor) {
    try {
      Segmenter segmenter = Segmenter.of(segmentation, Optional.ofNullable(grid));
      return SegmentedImage.of(image, segmenter.segment(image), censor);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(explainer + ": " + e.getMessage(), e);
    }
  }

  private static FeatureGrid[] featureGrids(ExplanationRequest request, ExplainerOptions options) {
    if (request.parameters().segmentation().kind() != Segmentation.Kind.FEATURE_CELLS) {
      return new FeatureGrid[2];
    }
    String cells = options.raw("cells");
    if (cells != null) {
      FeatureGrid g = FeatureGrid.parse(cells);
      return new FeatureGrid[] {g, g};
    }
    Optional<GreyBoxSimilarity> grey = request.similarity().greyBox();
    if (grey.isEmpty()) {
      return new FeatureGrid[2];
    }
    List<FeatureMap> maps = grey.get().featureMaps(List.of(request.query(), request.target()));
    return new FeatureGrid[] {
      new FeatureGrid(maps.get(0).height(), maps.get(0).width()),
      new FeatureGrid(maps.get(1).height(), maps.get(1).width())
    };
  }

  /** The request. */
  public ExplanationRequest request() {
    return request;
  }

  /** The checked options. */
  public ExplainerOptions options() {
    return options;
  }

  /** The game over the pair. */
  public SimilarityGame game() {
    return game;
  }
}
