package org.mnemosyne.explain.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.JointAttribution;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.explain.TestImages;
import org.mnemosyne.explain.segment.GridSegmenter;

class ExplanationAgreementTest {
  private static final Segments FOUR = new GridSegmenter(2, 2).segment(TestImages.random(4, 4, 1));

  private static Explanation firstOrder(double[] target, double[] query) {
    Map<Side, SegmentAttribution> maps = new EnumMap<>(Side.class);
    maps.put(Side.TARGET, new SegmentAttribution(FOUR, target));
    if (query != null) {
      maps.put(Side.QUERY, new SegmentAttribution(FOUR, query));
    }
    return explanation(maps, Optional.empty());
  }

  private static Explanation joint(double[][] c, double[] target) {
    JointAttribution j = new JointAttribution(FOUR, FOUR, c);
    return explanation(Map.of(Side.TARGET, new SegmentAttribution(FOUR, target)), Optional.of(j));
  }

  private static Explanation explanation(
      Map<Side, SegmentAttribution> maps, Optional<JointAttribution> joint) {
    return new Explanation(
        "test",
        "1",
        "sim",
        ExplanationParameters.defaults(),
        maps,
        joint,
        0,
        1,
        1,
        Duration.ZERO,
        OptionalDouble.empty());
  }

  @Test
  void sameRankingAgreesFullyAndTheReverseRankingFullyDisagrees() {
    double[] a = {0.4, -0.1, 0.3, 0.0};
    double[] monotone = {4, -1, 3, 0.5};
    double[] reversed = {-0.4, 0.1, -0.3, 0.0};
    assertEquals(1, ExplanationAgreement.spearman(firstOrder(a, null), firstOrder(monotone, null)));
    assertEquals(
        -1, ExplanationAgreement.spearman(firstOrder(a, null), firstOrder(reversed, null)), 1e-12);
  }

  @Test
  void onlyTheSidesBothExplanationsHaveAreCompared() {
    double[] a = {1, 2, 3, 4};
    // the second one also has a query map in reverse order, which must not count
    Explanation both = firstOrder(a, new double[] {4, 3, 2, 1});
    assertEquals(1, ExplanationAgreement.spearman(firstOrder(a, null), both), 1e-12);
    // with both sides on both: 8 values, the query halves disagree
    Explanation other = firstOrder(a, new double[] {1, 2, 3, 4});
    double rho = ExplanationAgreement.spearman(both, other);
    assertEquals(
        RankCorrelation.spearman(
            new double[] {4, 3, 2, 1, 1, 2, 3, 4}, new double[] {1, 2, 3, 4, 1, 2, 3, 4}),
        rho,
        1e-12);
  }

  @Test
  void jointExplanationsAreComparedByTheirCorrespondences() {
    double[][] c = new double[4][4];
    double[][] d = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        c[i][j] = i * 4 + j;
        d[i][j] = 2 * (i * 4 + j) + 1;
      }
    }
    // the maps disagree completely, the matrices agree: 1
    Explanation x = joint(c, new double[] {1, 2, 3, 4});
    Explanation y = joint(d, new double[] {4, 3, 2, 1});
    assertEquals(1, ExplanationAgreement.spearman(x, y), 1e-12);
    // a joint and a first-order explanation share the target map
    assertEquals(
        -1, ExplanationAgreement.spearman(x, firstOrder(new double[] {4, 3, 2, 1}, null)), 1e-12);
  }

  @Test
  void explanationsWithNothingInCommonAreRefused() {
    Explanation q =
        explanation(
            Map.of(Side.QUERY, new SegmentAttribution(FOUR, new double[] {1, 2, 3, 4})),
            Optional.empty());
    assertThrows(
        IllegalArgumentException.class,
        () -> ExplanationAgreement.spearman(q, firstOrder(new double[] {1, 2, 3, 4}, null)));
  }
}
