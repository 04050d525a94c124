package org.mnemosyne.explain.linalg;

import java.util.Optional;

/**
 * The Cholesky factor {@code L} of a symmetric positive definite matrix ({@code A = L L^T}), and
 * solves with it. Immutable once built; thread-safe.
 */
public final class Cholesky {
  private final int n;
  private final double[][] l;

  private Cholesky(double[][] l) {
    this.n = l.length;
    this.l = l;
  }

  /**
   * Factors {@code a} (only its lower triangle is read; {@code a} is not modified).
   *
   * @return empty if the matrix is not numerically positive definite: a pivot at or below {@code
   *     1e-13} times the largest diagonal entry
   */
  public static Optional<Cholesky> factor(double[][] a) {
    int n = a.length;
    double maxDiag = 0;
    for (int i = 0; i < n; i++) {
      maxDiag = Math.max(maxDiag, Math.abs(a[i][i]));
    }
    double tiny = 1e-13 * Math.max(maxDiag, Double.MIN_NORMAL);
    double[][] l = new double[n][];
    for (int i = 0; i < n; i++) {
      l[i] = new double[i + 1];
      double[] li = l[i];
      for (int j = 0; j <= i; j++) {
        double[] lj = l[j];
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= li[k] * lj[k];
        }
        if (i == j) {
          if (!(s > tiny)) {
            return Optional.empty();
          }
          li[i] = Math.sqrt(s);
        } else {
          li[j] = s / lj[j];
        }
      }
    }
    return Optional.of(new Cholesky(l));
  }

  /** Solves {@code A x = b}. */
  public double[] solve(double[] b) {
    if (b.length != n) {
      throw new IllegalArgumentException("right-hand side of length " + n + " expected");
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      double[] li = l[i];
      for (int k = 0; k < i; k++) {
        s -= li[k] * y[k];
      }
      y[i] = s / li[i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }
}
