package org.mnemosyne.explain.lime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.JointEstimator;

/**
 * Second-order LIME: the same samples, kernel and ridge as {@link Lime}, but the full quadratic
 * surrogate {@code b0 + sum_i b_i z_i + sum_{i<j} b_ij z_i z_j} on the joint game. Main effects are
 * {@code b_i}, pairs {@code b_ij}, and player values {@code b_i + 1/2 sum_j b_ij} by analogy with
 * the Shapley-Taylor identity — LIME's kernel is not the Shapley-Taylor kernel, so none of these
 * carries the axioms. Costs as {@link Lime}. Immutable; thread-safe.
 *
 * @param samples maximum number of samples, 0 for the budget
 * @param keepProbability probability that a player is present in a sample
 * @param kernelWidth the kernel width
 * @param alpha the ridge penalty on the coefficients
 */
public record JointLime(int samples, double keepProbability, double kernelWidth, double alpha)
    implements JointEstimator {

  /** Validates. */
  public JointLime {
    new Lime(samples, keepProbability, kernelWidth, alpha);
  }

  /** The defaults of {@link Lime#defaults()}. */
  public static JointLime defaults() {
    return new JointLime(0, 0.5, 0.25, 1.0);
  }

  @Override
  public long minimumBudget(int players) {
    return 3;
  }

  @Override
  public Interactions estimate(Game game, long seed) {
    int m = game.players();
    Coalition empty = Coalition.empty(m);
    if (game.remainingBudget() < 3 || !game.tryReserve(List.of(empty))) {
      throw new IllegalArgumentException(
          "joint LIME needs at least 3 evaluations; the budget leaves " + game.remainingBudget());
    }
    int max = samples > 0 ? samples : (int) Math.min(Integer.MAX_VALUE, game.remainingBudget());
    List<Coalition> drawn = new LimeSampler(keepProbability).draw(game, max, seed);
    List<Coalition> all = new ArrayList<>(drawn);
    all.add(empty);
    double[] v = game.values(all);
    int pairs = m * (m - 1) / 2;
    double[] beta =
        LimeRegression.fit(
            drawn, v, z -> quadraticFeatures(m, z.members()), m + pairs, kernelWidth, alpha);
    double[] main = Arrays.copyOfRange(beta, 1, m + 1);
    double[][] pairMatrix = new double[m][m];
    int k = m + 1;
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        pairMatrix[i][j] = beta[k];
        pairMatrix[j][i] = beta[k];
        k++;
      }
    }
    return Interactions.withShapleyValues(main, pairMatrix, v[v.length - 1], v[0], Double.NaN);
  }

  /** Linear features {@code 0..m-1}, then pair {@code (i<j)} features numbered row by row. */
  static int[] quadraticFeatures(int m, int[] members) {
    int s = members.length;
    int[] out = new int[s + s * (s - 1) / 2];
    System.arraycopy(members, 0, out, 0, s);
    int k = s;
    for (int a = 0; a < s; a++) {
      int i = members[a];
      int rowStart = m + i * m - i * (i + 1) / 2;
      for (int b = a + 1; b < s; b++) {
        out[k++] = rowStart + (members[b] - i - 1);
      }
    }
    return out;
  }
}
