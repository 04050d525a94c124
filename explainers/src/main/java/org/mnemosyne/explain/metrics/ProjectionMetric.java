package org.mnemosyne.explain.metrics;

import java.util.Arrays;
import java.util.Comparator;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.Game;

/**
 * The second-order projection protocol (Paper A, Fig. 6; Appendix 4): project a query region
 * through a correspondence matrix, {@code proj[j] = sum_{i in R_x} C[i][j]}, take as target region
 * {@code R_y} the top-scoring target segments covering the same fraction of the target's segments
 * as {@code R_x} covers of the query's (at least one), and score the pair with everything else
 * censored in both images: {@code v(R_x + R_y)} in the joint game. A good correspondence keeps the
 * pair similar. Optionally the overlap (IoU) of {@code R_y} with a ground-truth target region.
 * Costs one evaluation. Stateless; thread-safe.
 */
public final class ProjectionMetric {
  private ProjectionMetric() {}

  /**
   * A result.
   *
   * @param targetRegion the projected target segments
   * @param score the joint game's value with only the two regions present
   */
  public record Result(boolean[] targetRegion, double score) {
    /** Intersection over union of the target region with {@code truth}, by segment. */
    public double iou(boolean[] truth) {
      int inter = 0;
      int union = 0;
      for (int j = 0; j < truth.length; j++) {
        inter += targetRegion[j] && truth[j] ? 1 : 0;
        union += targetRegion[j] || truth[j] ? 1 : 0;
      }
      return union == 0 ? 0 : (double) inter / union;
    }
  }

  /**
   * Projects and scores.
   *
   * @param joint the joint game (query segments first)
   * @param correspondence {@code [query segment][target segment]}
   * @param queryRegion the query segments of the object
   */
  public static Result evaluate(Game joint, double[][] correspondence, boolean[] queryRegion) {
    int mq = correspondence.length;
    int mt = correspondence[0].length;
    if (queryRegion.length != mq || joint.players() != mq + mt) {
      throw new IllegalArgumentException("region and matrix must match the joint game");
    }
    double[] proj = new double[mt];
    int inRegion = 0;
    for (int i = 0; i < mq; i++) {
      if (queryRegion[i]) {
        inRegion++;
        for (int j = 0; j < mt; j++) {
          proj[j] += correspondence[i][j];
        }
      }
    }
    int take = Math.max(1, (int) Math.round((double) inRegion / mq * mt));
    Integer[] order = new Integer[mt];
    for (int j = 0; j < mt; j++) {
      order[j] = j;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -proj[j]).thenComparing(j -> j));
    boolean[] target = new boolean[mt];
    boolean[] present = new boolean[mq + mt];
    System.arraycopy(queryRegion, 0, present, 0, mq);
    for (int r = 0; r < take; r++) {
      target[order[r]] = true;
      present[mq + order[r]] = true;
    }
    return new Result(target, joint.value(Coalition.of(present)));
  }
}
