package org.mnemosyne.explain.report;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.JointAttribution;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.explain.SimilarityFunction;
import org.mnemosyne.explain.ExplainerOptions;
import org.mnemosyne.explain.ExplanationSetup;
import org.mnemosyne.explain.game.SimilarityGame;
import org.mnemosyne.explain.metrics.DeletionInsertion;
import org.mnemosyne.explain.metrics.Faithfulness;
import org.mnemosyne.explain.metrics.ProjectionMetric;
import org.mnemosyne.explain.segment.GridSegmenter;

/**
 * The report's per-pair metrics of an explanation's outputs, each on a fresh game over the pair
 * with the report's censor: deletion and insertion areas of a target map on the first-order grid
 * ({@link Faithfulness}), the projection score and object IoU of a correspondence, and both for a
 * random map and correspondence (the baseline). Not thread-safe.
 */
final class PairScorer {
  private final ReportSettings settings;
  private final SimilarityFunction similarity;

  PairScorer(ReportSettings settings, SimilarityFunction similarity) {
    this.settings = settings;
    this.similarity = similarity;
  }

  /**
   * Deletion and insertion areas of a target map on the report's first-order grid ({@link
   * Faithfulness}).
   */
  Map<Metric, Double> curves(ReportPair pair, SegmentAttribution map) {
    DeletionInsertion.Curves c =
        Faithfulness.of(
            ExplanationRequest.builder(pair.query(), pair.target(), similarity).build(),
            Side.TARGET,
            map,
            settings.grid(),
            settings.censor(),
            settings.steps());
    Map<Metric, Double> m = new EnumMap<>(Metric.class);
    m.put(Metric.DELETION_AUC, c.deletionArea());
    m.put(Metric.INSERTION_AUC, c.insertionArea());
    return m;
  }

  /**
   * The projection score and object IoU of a correspondence; empty when the query object covers no
   * segment.
   *
   * @param p the parameters the correspondence was computed with (units and censor)
   */
  Map<Metric, Double> projection(ReportPair pair, ExplanationParameters p, JointAttribution joint) {
    Map<Metric, Double> m = new EnumMap<>(Metric.class);
    boolean[] queryRegion =
        pair.queryObject().orElseThrow().region(joint.querySegments(), settings.minCoverage());
    boolean[] truth =
        pair.targetObject().orElseThrow().region(joint.targetSegments(), settings.minCoverage());
    SimilarityGame g = game(pair, p.withBudget(1));
    if (!g.image(Side.QUERY).segments().equals(joint.querySegments())
        || !g.image(Side.TARGET).segments().equals(joint.targetSegments())) {
      throw new IllegalStateException("the correspondence is not on the requested grid");
    }
    if (!any(queryRegion)) {
      return m; // an empty object: nothing to project
    }
    ProjectionMetric.Result r =
        ProjectionMetric.evaluate(g.joint(), joint.interactions(), queryRegion);
    m.put(Metric.PROJECTION, r.score());
    m.put(Metric.OBJECT_IOU, r.iou(truth));
    return m;
  }

  /** The metrics of a random map and a random correspondence (seeded by the pair's index). */
  Map<Metric, Double> random(ReportPair pair, int index) {
    SplittableRandom rng = new SplittableRandom(settings.seed() * 1_000_003L + index);
    Segments cells =
        new GridSegmenter(settings.grid().rows(), settings.grid().columns()).segment(pair.target());
    double[] scores = new double[cells.count()];
    for (int j = 0; j < scores.length; j++) {
      scores[j] = rng.nextDouble();
    }
    Map<Metric, Double> m = curves(pair, new SegmentAttribution(cells, scores));
    if (pair.hasObjects()) {
      ExplanationParameters p =
          ExplanationParameters.defaults()
              .withOrder(Order.JOINT)
              .withSegmentation(settings.jointGrid())
              .withCensor(settings.censor())
              .withBudget(1)
              .withBatchSize(settings.batchSize());
      SimilarityGame g = game(pair, p);
      int mq = g.image(Side.QUERY).count();
      int mt = g.image(Side.TARGET).count();
      double[][] c = new double[mq][mt];
      for (double[] row : c) {
        for (int j = 0; j < mt; j++) {
          row[j] = rng.nextDouble();
        }
      }
      m.putAll(
          projection(
              pair,
              p,
              new JointAttribution(
                  g.image(Side.QUERY).segments(), g.image(Side.TARGET).segments(), c)));
    }
    return m;
  }

  private SimilarityGame game(ReportPair pair, ExplanationParameters p) {
    ExplanationRequest request =
        ExplanationRequest.builder(pair.query(), pair.target(), similarity).parameters(p).build();
    return ExplanationSetup.prepare("report", request, ExplainerOptions.none()).game();
  }

  private static boolean any(boolean[] b) {
    for (boolean x : b) {
      if (x) {
        return true;
      }
    }
    return false;
  }
}
