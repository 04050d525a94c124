package org.mnemosyne.explain.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mnemosyne.explain.game.FunctionGame;

class MetricsTest {
  private static final double[] A = {3, -1, 0.5, 2, 0, 1};

  private static FunctionGame additive() {
    return FunctionGame.of(
        6,
        c -> {
          double s = 0;
          for (int i : c.members()) {
            s += A[i];
          }
          return s;
        });
  }

  @Test
  void curvesOfTheTrueContributionsHaveTheKnownShape() {
    DeletionInsertion.Curves c = DeletionInsertion.of(additive(), A, 2);
    // order 0 (3), 3 (2), 5 (1), 2 (0.5), 4 (0), 1 (-1); halves are the top 3
    assertArrayEquals(new double[] {0, 0.5, 1}, c.fractions());
    assertArrayEquals(new double[] {5.5, -0.5, 0}, c.deletion(), 1e-12);
    assertArrayEquals(new double[] {0, 6, 5.5}, c.insertion(), 1e-12);
    assertEquals((5.5 - 0.5) / 4 + (-0.5) / 4, c.deletionArea(), 1e-12);
    assertEquals(6 / 4.0 + 11.5 / 4, c.insertionArea(), 1e-12);
  }

  @Test
  void aFaithfulMapBeatsItsReverseOnBothCurves() {
    double[] reversed = new double[A.length];
    for (int i = 0; i < A.length; i++) {
      reversed[i] = -A[i];
    }
    DeletionInsertion.Curves good = DeletionInsertion.of(additive(), A, 6);
    DeletionInsertion.Curves bad = DeletionInsertion.of(additive(), reversed, 6);
    assertTrue(good.deletionArea() < bad.deletionArea());
    assertTrue(good.insertionArea() > bad.insertionArea());
  }

  @Test
  void spearmanHandlesTiesAndOrder() {
    assertEquals(
        1, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {10, 20, 30}), 1e-12);
    assertEquals(
        -1, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    assertArrayEquals(new double[] {1.5, 1.5, 3}, RankCorrelation.ranks(new double[] {5, 5, 7}));
    assertEquals(
        0.5, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {1, 3, 2}), 1e-12);
  }

  @Test
  void projectionKeepsTheCorrespondingTargetSegments() {
    // 2 query + 3 target segments; query 0 corresponds to target 2
    double[][] corr = {{0, 0.1, 0.9}, {0.5, 0, 0}};
    FunctionGame joint = FunctionGame.of(5, c -> (c.contains(0) && c.contains(4)) ? 1.0 : 0.0);
    ProjectionMetric.Result r = ProjectionMetric.evaluate(joint, corr, new boolean[] {true, false});
    // half of the query's segments -> round(1.5) = 2 of the 3 target segments, best first
    assertArrayEquals(new boolean[] {false, true, true}, r.targetRegion());
    assertEquals(1.0, r.score());
    assertEquals(0.5, r.iou(new boolean[] {false, false, true}), 1e-12);
  }
}
