package org.mnemosyne.explain.sbsm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.FirstOrderEstimator;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.PlayerValues;

/**
 * First-order SBSM with binary masks on the players of any game: draw {@code masks} coalitions
 * keeping each player with probability {@code keepProbability} (from {@code
 * SplittableRandom(seed)}, player by player, see {@link #masks}), evaluate them, and aggregate with
 * {@link SbsmAggregator}. Costs {@code v(empty)}, {@code v(N)} and one evaluation per distinct
 * mask; masks are drawn until {@code masks} (0: one per remaining evaluation) or the budget is
 * reached. Needs at least 3 evaluations. No error indicator (NaN). Immutable; thread-safe.
 *
 * @param masks maximum number of masks, 0 for the budget
 * @param keepProbability probability that a player is visible
 * @param contrast whether to subtract the mean score with the player hidden
 */
public record Sbsm(int masks, double keepProbability, boolean contrast)
    implements FirstOrderEstimator {

  /** Validates. */
  public Sbsm {
    if (masks < 0 || !(keepProbability > 0 && keepProbability < 1)) {
      throw new IllegalArgumentException("SBSM needs masks >= 0 and keep probability in (0, 1)");
    }
  }

  /** RISE's defaults: keep probability 0.5, budget-limited masks, no contrast. */
  public static Sbsm defaults() {
    return new Sbsm(0, 0.5, false);
  }

  /** Draws the mask sequence, reserving evaluations, until the count or the budget is reached. */
  static List<Coalition> masks(
      Game game, int maxMasks, double keepProbability, long seed, String method) {
    int m = game.players();
    List<Coalition> fixed = List.of(Coalition.empty(m), Coalition.full(m));
    if (game.remainingBudget() < 3 || !game.tryReserve(fixed)) {
      throw new IllegalArgumentException(
          method + " needs at least 3 evaluations; the budget leaves " + game.remainingBudget());
    }
    int max = maxMasks > 0 ? maxMasks : (int) Math.min(Integer.MAX_VALUE, game.remainingBudget());
    SplittableRandom rng = new SplittableRandom(seed);
    List<Coalition> out = new ArrayList<>();
    for (int k = 0; k < max; k++) {
      boolean[] keep = new boolean[m];
      for (int i = 0; i < m; i++) {
        keep[i] = rng.nextDouble() < keepProbability;
      }
      Coalition c = Coalition.of(keep);
      if (!game.tryReserve(List.of(c))) {
        break;
      }
      out.add(c);
    }
    return out;
  }

  /** The 0/1 presence vector of a coalition. */
  static double[] presence(Coalition c) {
    double[] w = new double[c.players()];
    for (int i : c.members()) {
      w[i] = 1;
    }
    return w;
  }

  @Override
  public long minimumBudget(int players) {
    return 3;
  }

  @Override
  public PlayerValues estimate(Game game, long seed) {
    int m = game.players();
    List<Coalition> masks = masks(game, this.masks, keepProbability, seed, "SBSM");
    List<Coalition> all = new ArrayList<>(masks);
    all.add(Coalition.empty(m));
    all.add(Coalition.full(m));
    double[] v = game.values(all);
    double[] scores = java.util.Arrays.copyOf(v, masks.size());
    List<double[]> presence = new ArrayList<>(masks.size());
    masks.forEach(c -> presence.add(presence(c)));
    double[] sal = SbsmAggregator.firstOrder(scores, presence, contrast);
    return new PlayerValues(sal, v[masks.size()], v[masks.size() + 1], Double.NaN);
  }
}
