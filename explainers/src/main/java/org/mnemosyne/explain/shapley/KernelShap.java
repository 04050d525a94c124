package org.mnemosyne.explain.shapley;

import java.util.ArrayList;
import java.util.List;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.CoalitionDesign;
import org.mnemosyne.explain.game.FirstOrderEstimator;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.KernelRegression;
import org.mnemosyne.explain.game.PlayerValues;

/**
 * Kernel SHAP: the Shapley values as the solution of {@code min sum_z pi(z) [v(z) - v(empty) - phi
 * . z]^2} over coalitions of sizes {@code 1..M-1} with the Shapley kernel {@code pi(z) = (M-1) /
 * (C(M,|z|) |z| (M-|z|))}, subject to {@code sum phi = v(N) - v(empty)}.
 *
 * <p>The empty and grand coalitions have infinite kernel weight; here they are hard constraints:
 * {@code v(empty)} is subtracted from every target (the intercept is not a free unknown) and the
 * efficiency constraint is imposed exactly by a Lagrange multiplier (see {@link
 * org.mnemosyne.explain.linalg.ConstrainedLeastSquares}) — no large finite weight, no weight
 * computed from the sample count. Coalitions come from a {@link CoalitionDesign}: sizes whose
 * coalitions the budget affords are enumerated with exact kernel weights (all of them when the
 * budget covers {@code 2^M}, which makes the result exact), the rest sampled by size with
 * importance weights, optionally with complements (paired sampling, on by default).
 *
 * <p>Needs at least 3 evaluations ({@code v(empty)}, {@code v(N)} and one coalition); 2 for a
 * one-player game. Error indicator: see {@link KernelRegression}. Immutable; thread-safe.
 *
 * <p>Size effects ({@code sizeEffects}, on by default): the regression also has a free intercept
 * per coalition size, so each player's value is fitted to how the score varies among coalitions of
 * the <em>same</em> size, and the efficiency constraint fixes the common level. A game that depends
 * on the coalition size alone has equal Shapley values for all players, and those intercepts carry
 * none of it; so the estimator stays exact given every coalition, keeps efficiency, and is exact
 * from any design for games "additive plus any function of the size", where plain Kernel SHAP leaks
 * the size effect into the values through the unequal player counts of a sampled size. On images
 * censored cell by cell the score is strongly concave in the number of cells shown, which is such
 * an effect (docs/BENCHMARKS.md, <em>Kernel SHAP at 1,000 evaluations</em>).
 *
 * <p>With size effects the sampled draws are shared among the sizes in proportion to the square
 * root of the kernel mass, not to the mass itself. The fit then weighs every size's within-size
 * contrast equally (the kernel mass times the within-size variance of a player's indicator, {@code
 * s (M - s) / M^2}, is the same for every size), so the error of the values is about {@code sum_s
 * sigma_s^2 / (n_s s (M - s))} for {@code n_s} draws of size {@code s} with residual spread {@code
 * sigma_s}; that is smallest (Neyman allocation) for {@code n_s ~ sigma_s / sqrt(s (M - s))}, and
 * on real images the residual spread within a size is nearly the same for every size. The weights,
 * and so the estimator's target and its exactness given every coalition, are unchanged.
 *
 * @param paired whether to add the complement of each sampled coalition
 * @param ridge ridge relative to the normal matrix's mean diagonal (0: none)
 * @param sizeEffects whether the regression has a free intercept per coalition size
 */
public record KernelShap(boolean paired, double ridge, boolean sizeEffects)
    implements FirstOrderEstimator {

  /** Validates. */
  public KernelShap {
    if (!(ridge >= 0)) {
      throw new IllegalArgumentException("ridge must be non-negative");
    }
  }

  /** Paired sampling, no ridge, size effects. */
  public static KernelShap defaults() {
    return new KernelShap(true, 0, true);
  }

  /** The Shapley kernel's total weight of size {@code s} among {@code m} players. */
  static double sizeMass(int m, int s) {
    return (m - 1.0) / ((double) s * (m - s));
  }

  @Override
  public long minimumBudget(int players) {
    return players == 1 ? 2 : 3;
  }

  @Override
  public PlayerValues estimate(Game game, long seed) {
    int m = game.players();
    Coalition empty = Coalition.empty(m);
    Coalition full = Coalition.full(m);
    long needed = m == 1 ? 2 : 3;
    if (game.remainingBudget() < needed || !game.tryReserve(List.of(empty, full))) {
      throw new IllegalArgumentException(
          "Kernel SHAP needs at least "
              + needed
              + " evaluations (the empty and full coalitions, and one more); the budget leaves "
              + game.remainingBudget());
    }
    if (m == 1) {
      double[] v = game.values(List.of(empty, full));
      return new PlayerValues(new double[] {v[1] - v[0]}, v[0], v[1], 0);
    }
    CoalitionDesign design =
        CoalitionDesign.plan(
            game,
            1,
            m - 1,
            s -> sizeMass(m, s),
            sizeEffects ? s -> Math.sqrt(sizeMass(m, s)) : s -> sizeMass(m, s),
            paired,
            seed);
    List<Coalition> all = new ArrayList<>(design.rows().size() + 2);
    all.add(empty);
    all.add(full);
    all.addAll(design.coalitions());
    double[] v = game.values(all);
    double v0 = v[0];
    double vN = v[1];
    double[] targets = new double[design.rows().size()];
    for (int r = 0; r < targets.length; r++) {
      targets[r] = v[r + 2] - v0;
    }
    KernelRegression.Fit fit =
        KernelRegression.fitBySize(
            design, targets, Coalition::members, m, sizeEffects, m, ridge, vN - v0);
    return new PlayerValues(fit.x(), v0, vN, fit.errorEstimate());
  }
}
