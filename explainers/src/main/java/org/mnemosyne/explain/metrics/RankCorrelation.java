package org.mnemosyne.explain.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Spearman's rank correlation of two score vectors (Pearson correlation of their ranks, ties given
 * their average rank): the consistency measure for explanations of the same pair across seeds or
 * budgets. Stateless; thread-safe.
 */
public final class RankCorrelation {
  private RankCorrelation() {}

  /**
   * Spearman's rho, in [-1, 1].
   *
   * @throws IllegalArgumentException if the lengths differ or are below 2
   * @return NaN if one vector is constant
   */
  public static double spearman(double[] a, double[] b) {
    if (a.length != b.length || a.length < 2) {
      throw new IllegalArgumentException("two vectors of the same length >= 2 expected");
    }
    return pearson(ranks(a), ranks(b));
  }

  /** Average ranks, 1-based. */
  static double[] ranks(double[] x) {
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < x.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
    double[] r = new double[x.length];
    int i = 0;
    while (i < x.length) {
      int j = i;
      while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = rank;
      }
      i = j + 1;
    }
    return r;
  }

  static double pearson(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
