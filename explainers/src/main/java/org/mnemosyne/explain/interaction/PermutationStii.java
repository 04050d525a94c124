package org.mnemosyne.explain.interaction;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.JointEstimator;

/**
 * The permutation (Monte-Carlo) estimator of order-2 Shapley-Taylor indices, the baseline against
 * which the kernel estimator is compared. It uses the discrete-derivative form {@code Phi({i,j}) =
 * E[delta_ij v(T)]}, {@code delta_ij v(T) = v(T+i+j) - v(T+i) - v(T+j) + v(T)}, where {@code T} is
 * the set of players preceding both {@code i} and {@code j} in a uniformly random permutation (this
 * gives exactly the size law {@code p(t) = 2(n-1-t) / (n(n-1))} with a uniform subset).
 *
 * <p>One permutation yields one sample for every pair: walking positions {@code a < b}, the pair
 * {@code (pi_a, pi_b)} uses {@code T = prefix(a)}, and the prefix values are shared, so a full
 * permutation costs about {@code M^2} evaluations instead of {@code 4 C(M,2)}. Permutations are
 * drawn until the budget is spent; a permutation cut short by the budget contributes samples to the
 * pairs it reached. Main effects {@code v({i}) - v(empty)} are evaluated exactly; player values are
 * {@code main_i + 1/2 sum_j Phi({i,j})}. Needs {@code M + 2} evaluations plus one full permutation.
 * Error indicator: the root mean square over pairs of the standard error of each pair's sample
 * mean. The per-pair Monte-Carlo variant (see {@link #PermutationStii(boolean)}) spends four
 * evaluations per sample and shares nothing. Immutable; thread-safe.
 */
public final class PermutationStii implements JointEstimator {
  private final boolean perPair;

  /** Permutation sampling (shared prefixes). */
  public PermutationStii() {
    this(false);
  }

  /**
   * Permutation sampling, or, with {@code perPair}, independent per-pair Monte-Carlo samples: pairs
   * in turn, each drawing {@code t} with probability {@code 2(n-1-t) / (n(n-1))} and a uniform
   * {@code T} of that size outside the pair (four coalitions per sample, nothing shared; the
   * baseline of ALGORITHMS.md A.3 item 5).
   */
  public PermutationStii(boolean perPair) {
    this.perPair = perPair;
  }

  /**
   * The minimum budget for {@code m} players: singletons, empty, full and one permutation (one
   * round of every pair per-pair).
   */
  @Override
  public long minimumBudget(int m) {
    return perPair ? (long) m + 2 + 2L * m * (m - 1) : (long) m + 2 + (long) m * m;
  }

  @Override
  public Interactions estimate(Game game, long seed) {
    int m = game.players();
    if (m < 2) {
      throw new IllegalArgumentException("pair interactions need at least two players");
    }
    if (game.remainingBudget() < minimumBudget(m)) {
      throw new IllegalArgumentException(
          "permutation Shapley-Taylor over "
              + m
              + " players needs at least "
              + minimumBudget(m)
              + " evaluations (singletons plus one permutation); the budget leaves "
              + game.remainingBudget());
    }
    List<Coalition> fixed = new ArrayList<>();
    fixed.add(Coalition.empty(m));
    fixed.add(Coalition.full(m));
    for (int i = 0; i < m; i++) {
      fixed.add(Coalition.of(m, i));
    }
    double[] fv = game.values(fixed);
    double[] main = new double[m];
    for (int i = 0; i < m; i++) {
      main[i] = fv[2 + i] - fv[0];
    }
    double[][] sum = new double[m][m];
    double[][] sumSq = new double[m][m];
    int[][] count = new int[m][m];
    SplittableRandom rng = new SplittableRandom(seed);
    long nominalBudget = game.remainingBudget();
    long nominalSpent = 0;
    boolean exhausted = false;
    while (!exhausted && nominalSpent < nominalBudget) {
      List<int[]> samples = new ArrayList<>();
      List<Coalition> needed = new ArrayList<>();
      exhausted =
          perPair
              ? pairRound(game, rng, samples, needed)
              : permutationRound(game, rng, samples, needed);
      if (samples.isEmpty()) {
        break;
      }
      nominalSpent += perPair ? needed.size() : new java.util.HashSet<>(needed).size();
      double[] v = game.values(needed);
      for (int s = 0; s < samples.size(); s++) {
        int i = Math.min(samples.get(s)[0], samples.get(s)[1]);
        int j = Math.max(samples.get(s)[0], samples.get(s)[1]);
        double delta = v[4 * s + 3] - v[4 * s + 1] - v[4 * s + 2] + v[4 * s];
        sum[i][j] += delta;
        sumSq[i][j] += delta * delta;
        count[i][j]++;
      }
    }
    double[][] pairs = new double[m][m];
    double se = 0;
    int pairsWithError = 0;
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        int n = count[i][j];
        double mean = n == 0 ? 0 : sum[i][j] / n;
        pairs[i][j] = mean;
        pairs[j][i] = mean;
        if (n >= 2) {
          double var = Math.max(0, (sumSq[i][j] - n * mean * mean) / (n - 1));
          se += var / n;
          pairsWithError++;
        }
      }
    }
    double error = pairsWithError == 0 ? Double.NaN : Math.sqrt(se / pairsWithError);
    return Interactions.withShapleyValues(main, pairs, fv[0], fv[1], error);
  }

  /** One permutation's samples; true if the budget stopped it. */
  private static boolean permutationRound(
      Game game, SplittableRandom rng, List<int[]> samples, List<Coalition> needed) {
    int m = game.players();
    int[] perm = permutation(m, rng);
    Coalition[] prefix = new Coalition[m + 1];
    prefix[0] = Coalition.empty(m);
    for (int k = 0; k < m; k++) {
      prefix[k + 1] = prefix[k].with(perm[k]);
    }
    for (int a = 0; a < m - 1; a++) {
      for (int b = a + 1; b < m; b++) {
        List<Coalition> four =
            List.of(prefix[a], prefix[a + 1], prefix[a].with(perm[b]), prefix[a + 1].with(perm[b]));
        if (!game.tryReserve(four)) {
          return true;
        }
        samples.add(new int[] {perm[a], perm[b]});
        needed.addAll(four);
      }
    }
    return false;
  }

  /** One independent sample for every pair in turn; true if the budget stopped it. */
  private static boolean pairRound(
      Game game, SplittableRandom rng, List<int[]> samples, List<Coalition> needed) {
    int m = game.players();
    double[] cumulative = new double[m - 1];
    double run = 0;
    for (int t = 0; t <= m - 2; t++) {
      run += 2.0 * (m - 1 - t) / ((double) m * (m - 1));
      cumulative[t] = run;
    }
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        double u = rng.nextDouble() * run;
        int t = 0;
        while (t < m - 2 && u >= cumulative[t]) {
          t++;
        }
        int[] others = new int[m - 2];
        int k = 0;
        for (int p = 0; p < m; p++) {
          if (p != i && p != j) {
            others[k++] = p;
          }
        }
        for (int x = 0; x < t; x++) {
          int y = x + rng.nextInt(others.length - x);
          int tmp = others[x];
          others[x] = others[y];
          others[y] = tmp;
        }
        Coalition base = Coalition.of(m, java.util.Arrays.copyOf(others, t));
        List<Coalition> four = List.of(base, base.with(i), base.with(j), base.with(i).with(j));
        if (!game.tryReserve(four)) {
          return true;
        }
        samples.add(new int[] {i, j});
        needed.addAll(four);
      }
    }
    return false;
  }

  private static int[] permutation(int m, SplittableRandom rng) {
    int[] p = new int[m];
    for (int i = 0; i < m; i++) {
      p[i] = i;
    }
    for (int i = m - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
