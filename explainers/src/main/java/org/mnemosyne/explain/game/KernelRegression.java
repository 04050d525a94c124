package org.mnemosyne.explain.game;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
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
 * extra solves.
 *
 * <p>Within strata ({@link #fitWithinStrata}): every row also gets a free intercept for its stratum
 * (for Kernel SHAP, its coalition size), eliminated exactly from the normal equations (a Schur
 * complement; the strata are disjoint, so their block is diagonal). The unknowns are then fitted to
 * the variation <em>within</em> each stratum only. When the stratum determines the sum of a row's
 * features (as the size does for the player indicators), that sum's direction is no longer fixed by
 * the data, and the equality constraint fixes it. Stateless; thread-safe.
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
    return fit(design, targets, features, unknowns, 0, ridge, constraintTarget);
  }

  /**
   * Fits, with a free intercept per coalition size when {@code sizeEffects} (the size effects of
   * Kernel SHAP and Kernel Shapley-Taylor: {@link #fitWithinStrata} with the size as the stratum),
   * else as {@link #fit}.
   *
   * @param design the rows and weights
   * @param targets one target per row of the design, in order
   * @param features the indices of the unknowns whose feature is 1 for a coalition
   * @param unknowns the number of unknowns
   * @param sizeEffects whether each coalition size gets a free intercept
   * @param players the number of players (coalition sizes lie in {@code [0, players]})
   * @param ridge a ridge, relative to the mean diagonal of the normal matrix (0 for none)
   * @param constraintTarget the required sum of all unknowns
   */
  public static Fit fitBySize(
      CoalitionDesign design,
      double[] targets,
      Function<Coalition, int[]> features,
      int unknowns,
      boolean sizeEffects,
      int players,
      double ridge,
      double constraintTarget) {
    return sizeEffects
        ? fitWithinStrata(
            design,
            targets,
            features,
            unknowns,
            Coalition::size,
            players + 1,
            ridge,
            constraintTarget)
        : fit(design, targets, features, unknowns, ridge, constraintTarget);
  }

  /**
   * Fits with a free intercept per stratum (see the class comment); the intercepts are not
   * returned.
   *
   * @param design the rows and weights
   * @param targets one target per row of the design, in order
   * @param features the indices of the unknowns whose feature is 1 for a coalition
   * @param unknowns the number of unknowns
   * @param stratum the stratum of a coalition, in {@code [0, strata)}
   * @param strata the number of strata
   * @param ridge a ridge, relative to the mean diagonal of the normal matrix (0 for none)
   * @param constraintTarget the required sum of all unknowns
   */
  public static Fit fitWithinStrata(
      CoalitionDesign design,
      double[] targets,
      Function<Coalition, int[]> features,
      int unknowns,
      ToIntFunction<Coalition> stratum,
      int strata,
      double ridge,
      double constraintTarget) {
    if (strata < 1) {
      throw new IllegalArgumentException("at least one stratum expected");
    }
    Function<Coalition, int[]> withStratum =
        c -> {
          int[] ones = features.apply(c);
          int s = stratum.applyAsInt(c);
          if (s < 0 || s >= strata) {
            throw new IllegalArgumentException("stratum " + s + " outside [0, " + strata + ")");
          }
          int[] out = java.util.Arrays.copyOf(ones, ones.length + 1);
          out[ones.length] = unknowns + s;
          return out;
        };
    return fit(design, targets, withStratum, unknowns, strata, ridge, constraintTarget);
  }

  private static Fit fit(
      CoalitionDesign design,
      double[] targets,
      Function<Coalition, int[]> features,
      int unknowns,
      int strata,
      double ridge,
      double constraintTarget) {
    int columns = unknowns + strata;
    List<CoalitionDesign.Row> rows = design.rows();
    boolean halves =
        !design.exhaustive() && design.draws() >= 2 && unknowns <= ERROR_INDICATOR_LIMIT;
    NormalEquations fixed = new NormalEquations(columns);
    NormalEquations even = halves ? new NormalEquations(columns) : null;
    NormalEquations odd = halves ? new NormalEquations(columns) : null;
    NormalEquations all = halves ? null : new NormalEquations(columns);
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
    if (!halves) {
      double[] x = solve(all, unknowns, ridge, constraintTarget);
      return new Fit(x, design.exhaustive() ? 0 : Double.NaN);
    }
    NormalEquations full = new NormalEquations(columns);
    full.addScaled(fixed, 1);
    full.addScaled(even, 1);
    full.addScaled(odd, 1);
    double[] x = solve(full, unknowns, ridge, constraintTarget);
    full = null;
    NormalEquations a = new NormalEquations(columns);
    a.addScaled(fixed, 1);
    a.addScaled(even, 2);
    double[] xa = solve(a, unknowns, ridge, constraintTarget);
    a = null;
    NormalEquations b = new NormalEquations(columns);
    b.addScaled(fixed, 1);
    b.addScaled(odd, 2);
    double[] xb = solve(b, unknowns, ridge, constraintTarget);
    double ss = 0;
    for (int i = 0; i < unknowns; i++) {
      ss += (xa[i] - xb[i]) * (xa[i] - xb[i]);
    }
    return new Fit(x, Math.sqrt(ss / unknowns) / 2);
  }

  /**
   * Solves for the first {@code unknowns} unknowns, with their sum constrained; any further columns
   * are stratum intercepts, eliminated first.
   */
  private static double[] solve(NormalEquations eq, int unknowns, double ridge, double target) {
    double[][] h = eq.matrix();
    double[] g = eq.rightHandSide();
    double[] constraint = new double[unknowns];
    java.util.Arrays.fill(constraint, 1.0);
    boolean stratified = h.length > unknowns;
    if (stratified) {
      double[][] reduced = new double[unknowns][unknowns];
      double[] rhs = java.util.Arrays.copyOf(g, unknowns);
      eliminateStrata(h, g, unknowns, reduced, rhs);
      h = reduced;
      g = rhs;
    }
    double meanDiag = 0;
    for (int i = 0; i < h.length; i++) {
      meanDiag += h[i][i];
    }
    meanDiag /= h.length;
    if (stratified) {
      // The data may leave the constraint's direction free (stratum = feature sum); adding mu 1 1^T
      // only adds a constant on the constraint's plane, so the constrained solution is unchanged.
      double mu = Math.max(meanDiag, Double.MIN_NORMAL);
      for (double[] row : h) {
        for (int j = 0; j < row.length; j++) {
          row[j] += mu;
        }
      }
    }
    return ConstrainedLeastSquares.solve(h, g, null, ridge * meanDiag, constraint, target).x();
  }

  /**
   * The Schur complement of the (diagonal) stratum block: {@code H - sum_s h_s h_s^T / d_s}, {@code
   * g - sum_s h_s g_s / d_s} over the strata with rows ({@code d_s > 0}).
   */
  private static void eliminateStrata(
      double[][] h, double[] g, int unknowns, double[][] reduced, double[] rhs) {
    for (int i = 0; i < unknowns; i++) {
      System.arraycopy(h[i], 0, reduced[i], 0, unknowns);
    }
    for (int s = unknowns; s < h.length; s++) {
      double d = h[s][s];
      if (!(d > 0)) {
        continue;
      }
      double[] col = h[s];
      for (int i = 0; i < unknowns; i++) {
        double ci = col[i] / d;
        if (ci == 0) {
          continue;
        }
        rhs[i] -= ci * g[s];
        double[] row = reduced[i];
        for (int j = 0; j < unknowns; j++) {
          row[j] -= ci * col[j];
        }
      }
    }
  }
}
