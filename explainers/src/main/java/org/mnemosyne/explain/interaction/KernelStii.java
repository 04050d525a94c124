package org.mnemosyne.explain.interaction;

import java.util.ArrayList;
import java.util.List;
import org.mnemosyne.explain.game.Binomial;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.CoalitionDesign;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.JointEstimator;
import org.mnemosyne.explain.game.KernelRegression;

/**
 * The Kernel Shapley-Taylor estimator of order-2 interaction indices (Paper A, A.5.3): fit the
 * quadratic surrogate {@code g(z) = b0 + sum_i b_i z_i + sum_{i<j} b_ij z_i z_j} by weighted least
 * squares with the Shapley-Taylor kernel {@code w(z) = (M-1) / (C(M,s) C(s,2) (M-s))}, {@code s =
 * |z|}.
 *
 * <p>Sizes 0, 1 and M have infinite weight and are <em>hard constraints</em>, imposed exactly:
 * {@code b0 = v(empty)} and {@code b_i = v({i}) - v(empty)} are evaluated directly ({@code M + 2}
 * evaluations), the pair coefficients are fit to the residual {@code v(z) - b0 - sum_i b_i z_i} on
 * sizes {@code 2..M-1}, and {@code sum b_ij = v(N) - b0 - sum b_i} is imposed by a Lagrange
 * multiplier. With every coalition (budget {@code >= 2^M}) the coefficients equal the exact
 * indices; dropping the size-1 constraint instead (as a public third-party script does) gives wrong
 * pair values — {@code singletonConstraint = false} reproduces that pitfall for tests only.
 *
 * <p>Coalitions come from a {@link CoalitionDesign} over sizes {@code 2..M-1} with size mass {@code
 * (M-1) / (C(s,2) (M-s))}; complements of sampled coalitions are added when their size is free. The
 * player values are the joint game's Shapley values from the same fit, {@code phi_i = b_i + 1/2
 * sum_j b_ij}. Needs at least {@code M + 3} evaluations ({@code 2} for one player, {@code 4} for
 * two). Error indicator: see {@link KernelRegression}. Immutable; thread-safe.
 *
 * <p>Size effects ({@code sizeEffects}): the pair regression also has a free intercept per
 * coalition size ({@link KernelRegression#fitWithinStrata}), so that a term of the game that
 * depends on the number of players shown alone cannot leak into the pair values through the unequal
 * co-occurrence counts of a sampled design. Still exact given every coalition: the kernel weight
 * depends on the size only, so the intercepts' normal-equation column is the same for every pair,
 * and the exact indices with the per-size mean residual as intercepts satisfy the constrained
 * normal equations; the sum of the pair features is C(s,2), a function of the size, so its
 * direction is fixed by the efficiency constraint. Needs the singleton constraints (with free
 * linear terms two directions, the sum of the linear and of the pair terms, would be left to one
 * constraint). Per-(query size, target size) intercepts would not be exact: they leave the sums of
 * the query-query, target-target and cross pairs each free, with only one constraint for them.
 *
 * @param paired whether to add the complement of each sampled coalition
 * @param ridge ridge relative to the normal matrix's mean diagonal (0: none)
 * @param singletonConstraint true (correct); false only to demonstrate the pitfall
 * @param sizeEffects whether the pair regression has a free intercept per coalition size
 */
public record KernelStii(
    boolean paired, double ridge, boolean singletonConstraint, boolean sizeEffects)
    implements JointEstimator {

  /** Validates. */
  public KernelStii {
    if (!(ridge >= 0)) {
      throw new IllegalArgumentException("ridge must be non-negative");
    }
    if (sizeEffects && !singletonConstraint) {
      throw new IllegalArgumentException("size effects need the singleton constraints");
    }
  }

  /**
   * Unpaired sampling, no ridge, singleton constraints on, size effects on (on the real model they
   * made the pair indices reproducible across seeds where the plain fit was not:
   * docs/BENCHMARKS.md, <em>Real model</em>). Unpaired because the Shapley-Taylor kernel is far
   * from symmetric: the complement of a small coalition has little weight, so pairing spends half
   * the budget on rows that barely count (measured: about twice the evaluations for the same error
   * on random networks, see docs/BENCHMARKS.md).
   */
  public static KernelStii defaults() {
    return new KernelStii(false, 0, true, true);
  }

  /** The Shapley-Taylor kernel's total weight of size {@code s} among {@code m} players. */
  static double sizeMass(int m, int s) {
    return (m - 1.0) / (Binomial.choose(s, 2) * (m - s));
  }

  /** The minimum budget for {@code m} players. */
  @Override
  public long minimumBudget(int m) {
    return m <= 2 ? m + 2 : m + 3;
  }

  @Override
  public Interactions estimate(Game game, long seed) {
    int m = game.players();
    if (game.remainingBudget() < minimumBudget(m)) {
      throw new IllegalArgumentException(
          "Kernel Shapley-Taylor over "
              + m
              + " players needs at least "
              + minimumBudget(m)
              + " evaluations (empty, full and every single player, plus one coalition); the"
              + " budget leaves "
              + game.remainingBudget());
    }
    List<Coalition> fixed = new ArrayList<>();
    fixed.add(Coalition.empty(m));
    fixed.add(Coalition.full(m));
    if (singletonConstraint) {
      for (int i = 0; i < m; i++) {
        fixed.add(Coalition.of(m, i));
      }
    }
    game.tryReserve(fixed);
    PairIndex index = new PairIndex(m);
    if (m < 3) {
      return small(game, fixed, index);
    }
    CoalitionDesign design =
        CoalitionDesign.plan(game, 2, m - 1, s -> sizeMass(m, s), paired, seed);
    List<Coalition> all = new ArrayList<>(fixed);
    all.addAll(design.coalitions());
    double[] v = game.values(all);
    double v0 = v[0];
    double vN = v[1];
    double[] main = new double[m];
    if (singletonConstraint) {
      for (int i = 0; i < m; i++) {
        main[i] = v[2 + i] - v0;
      }
    }
    double mainSum = java.util.Arrays.stream(main).sum();
    double[] targets = new double[design.rows().size()];
    for (int r = 0; r < targets.length; r++) {
      Coalition z = design.rows().get(r).coalition();
      double t = v[fixed.size() + r] - v0;
      for (int i : z.members()) {
        t -= main[i];
      }
      targets[r] = t;
    }
    KernelRegression.Fit fit;
    double[] pairValues;
    if (sizeEffects || singletonConstraint) {
      fit =
          KernelRegression.fitBySize(
              design,
              targets,
              z -> index.pairsOf(z.members()),
              index.count(),
              sizeEffects,
              m,
              ridge,
              vN - v0 - mainSum);
      pairValues = fit.x();
    } else {
      fit =
          KernelRegression.fit(
              design,
              targets,
              z -> withLinear(m, index, z.members()),
              m + index.count(),
              ridge,
              vN - v0);
      System.arraycopy(fit.x(), 0, main, 0, m);
      pairValues = java.util.Arrays.copyOfRange(fit.x(), m, m + index.count());
    }
    return Interactions.withShapleyValues(
        main, index.toMatrix(pairValues), v0, vN, fit.errorEstimate());
  }

  private static int[] withLinear(int m, PairIndex index, int[] members) {
    int[] pairs = index.pairsOf(members);
    int[] out = new int[members.length + pairs.length];
    System.arraycopy(members, 0, out, 0, members.length);
    for (int k = 0; k < pairs.length; k++) {
      out[members.length + k] = m + pairs[k];
    }
    return out;
  }

  private Interactions small(Game game, List<Coalition> fixed, PairIndex index) {
    int m = game.players();
    double[] v = game.values(fixed);
    double[] main = new double[m];
    for (int i = 0; i < m && singletonConstraint; i++) {
      main[i] = v[2 + i] - v[0];
    }
    double[][] pairs = new double[m][m];
    if (m == 2) {
      pairs[0][1] = v[1] - v[0] - main[0] - main[1];
      pairs[1][0] = pairs[0][1];
    } else if (!singletonConstraint) {
      main[0] = v[1] - v[0];
    }
    return Interactions.withShapleyValues(main, pairs, v[0], v[1], 0);
  }
}
