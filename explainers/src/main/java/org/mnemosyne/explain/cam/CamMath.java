package org.mnemosyne.explain.cam;

import org.mnemosyne.api.model.FeatureMap;

/**
 * The closed forms on feature maps {@code F} ({@code c x h x w}) with pooled embedding {@code e =
 * (1/hw) sum_j F_j}. For {@code d(x, y) = <e(x), e(y)>} and "absent cell = zero feature vector":
 *
 * <ul>
 *   <li>first order (explaining y): {@code v(S) = sum_{j in S} <e(x), F_j(y)> / (h w)} is additive,
 *       so the Shapley value of cell j is exactly {@code A_j = <e(x), F_j(y)> / (h w)};
 *   <li>joint: {@code v(S) = sum_{i in S_x, j in S_y} <F_i(x), F_j(y)> / (h_x w_x h_y w_y)} has
 *       only cross-pair dividends, so the order-2 Shapley-Taylor index of {@code (i, j)} is exactly
 *       that term, and each cell's Shapley value is half its row (or column) sum.
 * </ul>
 *
 * With {@code normalise}, every term is divided by {@code |e(x)| |e(y)|}, so the values sum to the
 * cosine; that is the cosine's first-order (linearised) view, not its Shapley value. Stateless;
 * thread-safe.
 */
public final class CamMath {
  private CamMath() {}

  /** The pooled embedding {@code e = (1/hw) sum_j F_j}. */
  public static double[] pooled(FeatureMap f) {
    float[] v = f.values();
    int cells = f.height() * f.width();
    double[] e = new double[f.channels()];
    for (int c = 0; c < e.length; c++) {
      double s = 0;
      for (int j = 0; j < cells; j++) {
        s += v[c * cells + j];
      }
      e[c] = s / cells;
    }
    return e;
  }

  /** The Euclidean norm. */
  public static double norm(double[] e) {
    double s = 0;
    for (double x : e) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  /**
   * First-order values of the cells of {@code explained} against the other image's map.
   *
   * @param explained the map of the explained image
   * @param other the map of the other image of the pair
   * @param normalise whether to divide by the two embedding norms
   * @return one value per cell, row-major
   */
  public static double[] cellValues(FeatureMap explained, FeatureMap other, boolean normalise) {
    checkChannels(explained, other);
    double[] e = pooled(other);
    float[] v = explained.values();
    int cells = explained.height() * explained.width();
    double scale = 1.0 / cells;
    if (normalise) {
      scale /= Math.max(norm(e) * norm(pooled(explained)), Double.MIN_NORMAL);
    }
    double[] a = new double[cells];
    for (int c = 0; c < e.length; c++) {
      double ec = e[c] * scale;
      for (int j = 0; j < cells; j++) {
        a[j] += ec * v[c * cells + j];
      }
    }
    return a;
  }

  /**
   * Joint values: {@code [query cell][target cell]} local-feature inner products, scaled.
   *
   * @param query the query's map
   * @param target the target's map
   * @param normalise whether to divide by the two embedding norms
   */
  public static double[][] pairValues(FeatureMap query, FeatureMap target, boolean normalise) {
    checkChannels(query, target);
    int cq = query.height() * query.width();
    int ct = target.height() * target.width();
    double scale = 1.0 / ((double) cq * ct);
    if (normalise) {
      scale /= Math.max(norm(pooled(query)) * norm(pooled(target)), Double.MIN_NORMAL);
    }
    float[] q = query.values();
    float[] t = target.values();
    double[][] out = new double[cq][ct];
    for (int c = 0; c < query.channels(); c++) {
      int qo = c * cq;
      int to = c * ct;
      for (int i = 0; i < cq; i++) {
        double qi = q[qo + i] * scale;
        if (qi == 0) {
          continue;
        }
        double[] row = out[i];
        for (int j = 0; j < ct; j++) {
          row[j] += qi * t[to + j];
        }
      }
    }
    return out;
  }

  private static void checkChannels(FeatureMap a, FeatureMap b) {
    if (a.channels() != b.channels()) {
      throw new IllegalArgumentException(
          "feature maps with " + a.channels() + " and " + b.channels() + " channels");
    }
  }
}
