package org.mnemosyne.explain.sbsm;

import java.util.ArrayList;
import java.util.List;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.JointEstimator;

/**
 * Second-order SBSM with binary masks on the joint game: the same masks as {@link Sbsm} (players of
 * both images masked independently), pairs aggregated by {@link SbsmAggregator#pairs} and main
 * effects and player values by {@link SbsmAggregator#firstOrder}. These are conditional
 * expectations, not Shapley-Taylor indices. Costs and limits as {@link Sbsm}. Immutable;
 * thread-safe.
 *
 * @param masks maximum number of masks, 0 for the budget
 * @param keepProbability probability that a player is visible
 * @param contrast whether to subtract the hidden (first order) or mean (pairs) score
 */
public record JointSbsm(int masks, double keepProbability, boolean contrast)
    implements JointEstimator {

  /** Validates. */
  public JointSbsm {
    new Sbsm(masks, keepProbability, contrast);
  }

  /** As {@link Sbsm#defaults()}. */
  public static JointSbsm defaults() {
    return new JointSbsm(0, 0.5, false);
  }

  @Override
  public long minimumBudget(int players) {
    return 3;
  }

  @Override
  public Interactions estimate(Game game, long seed) {
    int m = game.players();
    List<Coalition> masks = Sbsm.masks(game, this.masks, keepProbability, seed, "joint SBSM");
    List<Coalition> all = new ArrayList<>(masks);
    all.add(Coalition.empty(m));
    all.add(Coalition.full(m));
    double[] v = game.values(all);
    double[] scores = java.util.Arrays.copyOf(v, masks.size());
    List<double[]> presence = new ArrayList<>(masks.size());
    masks.forEach(c -> presence.add(Sbsm.presence(c)));
    double[] first = SbsmAggregator.firstOrder(scores, presence, contrast);
    double[][] pairs = SbsmAggregator.pairs(scores, presence, contrast);
    return new Interactions(first, pairs, first, v[masks.size()], v[masks.size() + 1], Double.NaN);
  }
}
