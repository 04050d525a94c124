package org.mnemosyne.explain.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.explain.TestImages;
import org.mnemosyne.explain.game.FunctionGame;
import org.mnemosyne.explain.segment.GridSegmenter;

class MetricsTest {
  private static final Segments FOUR = new GridSegmenter(2, 2).segment(TestImages.random(4, 4, 1));
  private static final Segments SIXTEEN =
      new GridSegmenter(4, 4).segment(TestImages.random(4, 4, 1));
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

  @Test
  void segmentAveragesAreTheIdentityOnTheirOwnSegmentsAndBlockMeansOnCoarserOnes() {
    double[] fine = new double[16];
    for (int i = 0; i < 16; i++) {
      fine[i] = i;
    }
    SegmentAttribution map = new SegmentAttribution(SIXTEEN, fine);
    assertArrayEquals(fine, SegmentAverages.of(map, SIXTEEN), 1e-12);
    // block (0,0) holds pixels 0, 1, 4, 5
    assertArrayEquals(new double[] {2.5, 4.5, 10.5, 12.5}, SegmentAverages.of(map, FOUR), 1e-12);
    // coarse onto fine: every pixel of a cell gets the cell's value
    SegmentAttribution coarse = new SegmentAttribution(FOUR, new double[] {1, 2, 3, 4});
    double[] spread = SegmentAverages.of(coarse, SIXTEEN);
    assertEquals(1, spread[0]);
    assertEquals(2, spread[3]);
    assertEquals(4, spread[15]);
  }

  @Test
  void projectionOfACutoutFindsTheMatchingObjectOnlyThroughTheRightCorrespondence() {
    // 4 query + 4 target segments (2 x 2 grids of 4 x 4 images); the query's object fills
    // segment 0, the target's segment 3; the pair is similar only if both objects are visible
    ObjectMask queryObject = new ObjectMask(4, 4, block(0, 0));
    ObjectMask targetObject = new ObjectMask(4, 4, block(2, 2));
    boolean[] queryRegion = queryObject.region(FOUR, 0.5);
    boolean[] truth = targetObject.region(FOUR, 0.5);
    assertArrayEquals(new boolean[] {true, false, false, false}, queryRegion);
    FunctionGame joint =
        FunctionGame.of(8, c -> (c.contains(0) && c.contains(4 + 3)) ? 1.0 : 0.1 * c.size());
    double[][] right = new double[4][4];
    right[0][3] = 1;
    double[][] wrong = new double[4][4];
    wrong[0][1] = 1;
    ProjectionMetric.Result good = ProjectionMetric.evaluate(joint, right, queryRegion);
    ProjectionMetric.Result bad = ProjectionMetric.evaluate(joint, wrong, queryRegion);
    assertEquals(1.0, good.score());
    assertEquals(1.0, good.iou(truth));
    assertEquals(0.2, bad.score(), 1e-12);
    assertEquals(0.0, bad.iou(truth));
  }

  /** A 4 x 4 mask with the 2 x 2 block whose top-left pixel is (x0, y0). */
  private static boolean[] block(int x0, int y0) {
    boolean[] m = new boolean[16];
    for (int y = y0; y < y0 + 2; y++) {
      for (int x = x0; x < x0 + 2; x++) {
        m[y * 4 + x] = true;
      }
    }
    return m;
  }
}
