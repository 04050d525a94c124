package org.mnemosyne.explain.linalg;

/**
 * Accumulates the weighted normal equations {@code H = sum_k w_k a_k a_k^T}, {@code g = sum_k w_k
 * a_k y_k} of a least-squares problem whose design rows are 0/1 vectors, given by the indices of
 * their ones. Adding a row costs {@code O(ones^2)}. Not thread-safe.
 */
public final class NormalEquations {
  private final int unknowns;
  private final double[][] h;
  private final double[] g;
  private double weightSum;

  /** Empty equations over {@code unknowns} unknowns. */
  public NormalEquations(int unknowns) {
    if (unknowns < 1) {
      throw new IllegalArgumentException("at least one unknown expected");
    }
    this.unknowns = unknowns;
    this.h = new double[unknowns][unknowns];
    this.g = new double[unknowns];
  }

  /** The number of unknowns. */
  public int unknowns() {
    return unknowns;
  }

  /**
   * Adds a row.
   *
   * @param ones indices of the row's features that are 1 (the others are 0), each at most once
   * @param weight the row's weight, non-negative
   * @param target the row's target value
   */
  public void addRow(int[] ones, double weight, double target) {
    if (weight == 0) {
      return;
    }
    if (!(weight > 0)) {
      throw new IllegalArgumentException("weights must be non-negative: " + weight);
    }
    for (int a = 0; a < ones.length; a++) {
      int p = ones[a];
      g[p] += weight * target;
      double[] row = h[p];
      for (int b = 0; b < ones.length; b++) {
        row[ones[b]] += weight;
      }
    }
    weightSum += weight;
  }

  /** Adds {@code factor} times another set of equations over the same unknowns. */
  public void addScaled(NormalEquations other, double factor) {
    if (other.unknowns != unknowns) {
      throw new IllegalArgumentException("different numbers of unknowns");
    }
    for (int i = 0; i < unknowns; i++) {
      g[i] += factor * other.g[i];
      for (int j = 0; j < unknowns; j++) {
        h[i][j] += factor * other.h[i][j];
      }
    }
    weightSum += factor * other.weightSum;
  }

  /** The total weight of the rows added. */
  public double weightSum() {
    return weightSum;
  }

  /** A copy of {@code H}. */
  public double[][] matrix() {
    double[][] copy = new double[unknowns][];
    for (int i = 0; i < unknowns; i++) {
      copy[i] = h[i].clone();
    }
    return copy;
  }

  /** A copy of {@code g}. */
  public double[] rightHandSide() {
    return g.clone();
  }
}
