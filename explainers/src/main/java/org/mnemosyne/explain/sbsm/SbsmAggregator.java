package org.mnemosyne.explain.sbsm;

import java.util.List;

/**
 * The SBSM averages, for masks {@code k} with scores {@code s_k} and per-player presence weights
 * {@code m_k[i]} in [0, 1] (0/1 for binary masks, a segment's mean mask value for smooth ones):
 *
 * <ul>
 *   <li>first order: {@code sal[i] = sum_k s_k m_k[i] / sum_k m_k[i]}, an estimate of {@code E[s |
 *       i visible]}; with {@code contrast}, minus {@code sum_k s_k (1 - m_k[i]) / sum_k (1 -
 *       m_k[i])} (visible minus hidden);
 *   <li>pairs: {@code corr[i][j] = sum_k s_k m_k[i] m_k[j] / sum_k m_k[i] m_k[j]}, {@code E[s | i
 *       and j visible]} (with {@code contrast}, minus the mean score).
 * </ul>
 *
 * A player (or pair) never visible gets 0. Stateless; thread-safe.
 */
public final class SbsmAggregator {
  private SbsmAggregator() {}

  /** First-order saliencies. */
  public static double[] firstOrder(double[] scores, List<double[]> presence, boolean contrast) {
    int m = presence.isEmpty() ? 0 : presence.get(0).length;
    double[] visible = new double[m];
    double[] visibleWeight = new double[m];
    double[] hidden = new double[m];
    double[] hiddenWeight = new double[m];
    for (int k = 0; k < scores.length; k++) {
      double[] w = presence.get(k);
      for (int i = 0; i < m; i++) {
        visible[i] += scores[k] * w[i];
        visibleWeight[i] += w[i];
        hidden[i] += scores[k] * (1 - w[i]);
        hiddenWeight[i] += 1 - w[i];
      }
    }
    double[] out = new double[m];
    for (int i = 0; i < m; i++) {
      double v = visibleWeight[i] > 0 ? visible[i] / visibleWeight[i] : 0;
      if (contrast) {
        v -= hiddenWeight[i] > 0 ? hidden[i] / hiddenWeight[i] : 0;
      }
      out[i] = v;
    }
    return out;
  }

  /** Pair correspondences (symmetric, zero diagonal). */
  public static double[][] pairs(double[] scores, List<double[]> presence, boolean contrast) {
    int m = presence.isEmpty() ? 0 : presence.get(0).length;
    double[][] num = new double[m][m];
    double[][] den = new double[m][m];
    double mean = 0;
    for (int k = 0; k < scores.length; k++) {
      double[] w = presence.get(k);
      double s = scores[k];
      mean += s;
      for (int i = 0; i < m; i++) {
        if (w[i] == 0) {
          continue;
        }
        double si = s * w[i];
        for (int j = i + 1; j < m; j++) {
          num[i][j] += si * w[j];
          den[i][j] += w[i] * w[j];
        }
      }
    }
    mean = scores.length == 0 ? 0 : mean / scores.length;
    double[][] out = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        double v = den[i][j] > 0 ? num[i][j] / den[i][j] : 0;
        if (contrast) {
          v -= mean;
        }
        out[i][j] = v;
        out[j][i] = v;
      }
    }
    return out;
  }
}
