package org.mnemosyne.explain.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Side;

/**
 * Consistency of explanations (A.7.2; the metric is ours, Paper A's is unknown): Spearman's rank
 * correlation between two explanations of the same pair that differ only in seed or budget. What is
 * compared is the explanation's main output: the correspondence matrices (flattened) when both are
 * joint, otherwise the first-order maps of the sides both have, query side first. 1 means the same
 * ranking of segments (or segment pairs); an exact or closed-form explainer must give 1. Stateless;
 * thread-safe.
 */
public final class ExplanationAgreement {
  private ExplanationAgreement() {}

  /**
   * Spearman's rho of the two explanations, in [-1, 1]; NaN when one of them is constant.
   *
   * @throws IllegalArgumentException if they share neither a joint matrix nor a side, or their
   *     shapes differ
   */
  public static double spearman(Explanation a, Explanation b) {
    return RankCorrelation.spearman(values(a, b), values(b, a));
  }

  /** The values of {@code e} that are compared with {@code other}. */
  private static double[] values(Explanation e, Explanation other) {
    if (e.joint().isPresent() && other.joint().isPresent()) {
      return Arrays.stream(e.joint().get().interactions())
          .flatMapToDouble(DoubleStream::of)
          .toArray();
    }
    DoubleStream all = DoubleStream.empty();
    boolean any = false;
    for (Side side : List.of(Side.QUERY, Side.TARGET)) {
      if (e.map(side).isPresent() && other.map(side).isPresent()) {
        SegmentAttribution m = e.map(side).get();
        all = DoubleStream.concat(all, DoubleStream.of(m.values()));
        any = true;
      }
    }
    if (!any) {
      throw new IllegalArgumentException("the explanations share no map and no joint matrix");
    }
    return all.toArray();
  }
}
