package org.mnemosyne.explain.game;

import java.util.List;
import java.util.function.Function;
import org.mnemosyne.explain.linalg.ConstrainedLeastSquares;
import org.mnemosyne.explain.linalg.NormalEquations;

/**
 * Weighted least squares over a {@link CoalitionDesign} with binary features and one exact linear
 * equality constraint (the efficiency constraint of the kernel estimators).
 *
 * <p>Error indicator: when the design was sampled with at least two draws, the regression is refit
 * on the even and on the odd draws alone (enumerated rows in both, sampled weights doubled) and
 * {@code RMS(x_even - x_odd) / 2} is reported, an estimate of the standard error of the full fit; 0
 * for an exhaustive design; NaN when it cannot be computed or the problem is too large for the two
 * extra solves. Stateless; thread-safe.
 */
public final class KernelRegression {
  /** Above this many unknowns the two half-fits for the error indicator are skipped. */
  static final int ERROR_INDICATOR_LIMIT = 1500;

  private KernelRegression() {}

  /**
   * A fit.
   *
   * @param x the unknowns
   * @param errorEstimate see the class comment
   */
  public record Fit(double[] x, double errorEstimate) {}

  /**
   * Fits.
   *
   * @param design the rows and weights
   * @param targets one target per row of the design, in order
   * @param features the indices of the unknowns whose feature is 1 for a coalition
   * @param unknowns the number of unknowns
   * @param ridge a ridge, relative to the mean diagonal of the normal matrix (0 for none)
   * @param constraintTarget the required sum of all unknowns
   */
  public static Fit fit(
      CoalitionDesign design,
      double[] targets,
      Function<Coalition, int[]> features,
      int unknowns,
      double ridge,
      double constraintTarget) {
    List<CoalitionDesign.Row> rows = design.rows();
    boolean halves =
        !design.exhaustive() && design.draws() >= 2 && unknowns <= ERROR_INDICATOR_LIMIT;
    NormalEquations fixed = new NormalEquations(unknowns);
    NormalEquations even = halves ? new NormalEquations(unknowns) : null;
    NormalEquations odd = halves ? new NormalEquations(unknowns) : null;
    NormalEquations all = halves ? null : new NormalEquations(unknowns);
    for (int r = 0; r < rows.size(); r++) {
      CoalitionDesign.Row row = rows.get(r);
      int[] ones = features.apply(row.coalition());
      if (halves) {
        fixed.addRow(ones, row.enumeratedWeight(), targets[r]);
        even.addRow(ones, row.evenWeight(), targets[r]);
        odd.addRow(ones, row.oddWeight(), targets[r]);
      } else {
        all.addRow(ones, row.weight(), targets[r]);
      }
    }
    double[] ones = new double[unknowns];
    java.util.Arrays.fill(ones, 1.0);
    if (!halves) {
      double[] x = solve(all, ridge, ones, constraintTarget);
      return new Fit(x, design.exhaustive() ? 0 : Double.NaN);
    }
    NormalEquations full = new NormalEquations(unknowns);
    full.addScaled(fixed, 1);
    full.addScaled(even, 1);
    full.addScaled(odd, 1);
    double[] x = solve(full, ridge, ones, constraintTarget);
    full = null;
    NormalEquations a = new NormalEquations(unknowns);
    a.addScaled(fixed, 1);
    a.addScaled(even, 2);
    double[] xa = solve(a, ridge, ones, constraintTarget);
    a = null;
    NormalEquations b = new NormalEquations(unknowns);
    b.addScaled(fixed, 1);
    b.addScaled(odd, 2);
    double[] xb = solve(b, ridge, ones, constraintTarget);
    double ss = 0;
    for (int i = 0; i < unknowns; i++) {
      ss += (xa[i] - xb[i]) * (xa[i] - xb[i]);
    }
    return new Fit(x, Math.sqrt(ss / unknowns) / 2);
  }

  private static double[] solve(
      NormalEquations eq, double ridge, double[] constraint, double target) {
    double[][] h = eq.matrix();
    double meanDiag = 0;
    for (int i = 0; i < h.length; i++) {
      meanDiag += h[i][i];
    }
    meanDiag /= h.length;
    return ConstrainedLeastSquares.solve(
            h, eq.rightHandSide(), null, ridge * meanDiag, constraint, target)
        .x();
  }
}
