package org.mnemosyne.explain.linalg;

import java.util.Optional;

/**
 * Solves the (ridge-regularised) normal equations {@code (H + D) x = g}, optionally subject to one
 * exact linear constraint {@code c . x = t}, by Lagrange multipliers: {@code x = x_u + H^-1 c (t -
 * c . x_u) / (c . H^-1 c)} with {@code x_u = H^-1 g}. This is how the estimators impose hard
 * constraints (for instance Shapley efficiency) exactly rather than with a huge finite weight.
 *
 * <p>{@code D} is {@code ridge} on the diagonal entries flagged as penalised. When {@code H + D} is
 * not numerically positive definite (too few distinct rows for the unknowns), a ridge of {@code
 * 1e-9} times the mean diagonal is added to the penalised entries, and grown a hundredfold until
 * the factorisation succeeds; {@link Solution#addedRidge()} reports it. Stateless; thread-safe.
 */
public final class ConstrainedLeastSquares {

  private ConstrainedLeastSquares() {}

  /**
   * A solution.
   *
   * @param x the unknowns
   * @param addedRidge the ridge added beyond the requested one to make the system solvable (0 when
   *     none was needed)
   */
  public record Solution(double[] x, double addedRidge) {}

  /**
   * Solves.
   *
   * @param h the normal matrix (symmetric; not modified)
   * @param g the right-hand side
   * @param penalised which unknowns the ridge applies to ({@code null}: all)
   * @param ridge the requested ridge, non-negative
   * @param constraint the constraint coefficients {@code c}, or {@code null} for none
   * @param target the constraint's value {@code t}
   */
  public static Solution solve(
      double[][] h,
      double[] g,
      boolean[] penalised,
      double ridge,
      double[] constraint,
      double target) {
    int n = g.length;
    double meanDiag = 0;
    for (int i = 0; i < n; i++) {
      meanDiag += h[i][i];
    }
    meanDiag = Math.max(meanDiag / n, Double.MIN_NORMAL);
    double extra = 0;
    Optional<Cholesky> factor = factor(h, penalised, ridge);
    while (factor.isEmpty()) {
      extra = extra == 0 ? 1e-9 * meanDiag : extra * 100;
      if (extra > 1e6 * meanDiag) {
        throw new IllegalStateException("normal equations cannot be made positive definite");
      }
      factor = factor(h, penalised, ridge + extra);
    }
    Cholesky chol = factor.get();
    double[] x = chol.solve(g);
    if (constraint != null) {
      double[] hc = chol.solve(constraint);
      double cx = dot(constraint, x);
      double chc = dot(constraint, hc);
      double lambda = (target - cx) / chc;
      for (int i = 0; i < n; i++) {
        x[i] += lambda * hc[i];
      }
    }
    return new Solution(x, extra);
  }

  private static Optional<Cholesky> factor(double[][] h, boolean[] penalised, double ridge) {
    if (ridge == 0) {
      return Cholesky.factor(h);
    }
    int n = h.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = h[i].clone();
      if (penalised == null || penalised[i]) {
        a[i][i] += ridge;
      }
    }
    return Cholesky.factor(a);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
