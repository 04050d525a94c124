package org.mnemosyne.explain.report;

import java.util.Arrays;

/**
 * Mean and spread of one metric over the pairs: the sample standard deviation ({@code n - 1}; 0 for
 * a single value). Values that are NaN (not applicable to a pair) are left out and not counted.
 *
 * @param mean the mean, NaN when no value counts
 * @param spread the standard deviation, NaN when no value counts
 * @param count the values counted
 */
public record Summary(double mean, double spread, int count) {

  /** Summarises the values. */
  public static Summary of(double... values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
    if (v.length == 0) {
      return new Summary(Double.NaN, Double.NaN, 0);
    }
    double mean = Arrays.stream(v).average().orElseThrow();
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return new Summary(mean, v.length == 1 ? 0 : Math.sqrt(ss / (v.length - 1)), v.length);
  }
}
