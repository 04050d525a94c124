package org.mnemosyne.explain.sbsm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.explain.censor.SegmentedImage;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.PlayerValues;
import org.mnemosyne.explain.game.SimilarityGame;
import org.mnemosyne.explain.game.SimilarityGame.MaskedPair;
import org.mnemosyne.explain.game.SmoothMask;

/**
 * SBSM on images with smooth masks (Appendix 3, RISE-style): each mask is a random {@link
 * SmoothMask} ({@code cells x cells} Bernoulli grid, bilinear up-sampling, random shift), the
 * masked image is {@code mask * image + (1 - mask) * censored}, and a segment's presence weight is
 * the mean mask value over its pixels; scores are aggregated by {@link SbsmAggregator}. For the
 * joint version both images get independent masks. Costs {@code v(empty)} and {@code v(N)} of the
 * explained game plus one evaluation per mask (two with a counterfactual query); masks are drawn
 * until {@code masks} (0: the budget) or the budget is reached. Immutable; thread-safe.
 *
 * @param masks maximum number of masks, 0 for the budget
 * @param cells grid cells per image side
 * @param keepProbability probability that a grid value is 1
 * @param contrast see {@link SbsmAggregator}
 */
public record SmoothSbsm(int masks, int cells, double keepProbability, boolean contrast) {

  /** Validates. */
  public SmoothSbsm {
    new Sbsm(masks, keepProbability, contrast);
    if (cells < 1) {
      throw new IllegalArgumentException("mask grid needs at least one cell");
    }
  }

  /** RISE's defaults: a 7 x 7 grid, keep probability 0.5, budget-limited masks, no contrast. */
  public static SmoothSbsm defaults() {
    return new SmoothSbsm(0, 7, 0.5, false);
  }

  /** First-order saliency of one side's segments; {@code game} must be that side's view. */
  public PlayerValues firstOrder(SimilarityGame pair, Game game, Side side, long seed) {
    SegmentedImage image = pair.image(side);
    int m = game.players();
    reserveEnds(game, "SBSM");
    SplittableRandom rng = new SplittableRandom(seed);
    List<MaskedPair> drawn = new ArrayList<>();
    List<double[]> presence = new ArrayList<>();
    int max = limit(game);
    for (int k = 0; k < max; k++) {
      SmoothMask mask = draw(image, rng);
      MaskedPair p = side == Side.QUERY ? new MaskedPair(mask, null) : new MaskedPair(null, mask);
      if (game.remainingBudget() < perMask(pair) || !pair.tryReserveMasked(p)) {
        break;
      }
      drawn.add(p);
      presence.add(image.segmentMeans(mask.render()));
    }
    double[] scores = pair.maskedValues(drawn);
    double[] ends = game.values(List.of(Coalition.empty(m), Coalition.full(m)));
    double[] sal = SbsmAggregator.firstOrder(scores, presence, contrast);
    return new PlayerValues(sal, ends[0], ends[1], Double.NaN);
  }

  /** Joint correspondences; {@code game} must be the joint view of {@code pair}. */
  public Interactions joint(SimilarityGame pair, Game game, long seed) {
    SegmentedImage q = pair.image(Side.QUERY);
    SegmentedImage t = pair.image(Side.TARGET);
    int m = game.players();
    reserveEnds(game, "joint SBSM");
    SplittableRandom rng = new SplittableRandom(seed);
    List<MaskedPair> drawn = new ArrayList<>();
    List<double[]> presence = new ArrayList<>();
    int max = limit(game);
    for (int k = 0; k < max; k++) {
      SmoothMask mq = draw(q, rng);
      SmoothMask mt = draw(t, rng);
      MaskedPair p = new MaskedPair(mq, mt);
      if (game.remainingBudget() < perMask(pair) || !pair.tryReserveMasked(p)) {
        break;
      }
      drawn.add(p);
      double[] wq = q.segmentMeans(mq.render());
      double[] wt = t.segmentMeans(mt.render());
      double[] w = new double[m];
      System.arraycopy(wq, 0, w, 0, wq.length);
      System.arraycopy(wt, 0, w, wq.length, wt.length);
      presence.add(w);
    }
    double[] scores = pair.maskedValues(drawn);
    double[] ends = game.values(List.of(Coalition.empty(m), Coalition.full(m)));
    double[] first = SbsmAggregator.firstOrder(scores, presence, contrast);
    double[][] pairs = SbsmAggregator.pairs(scores, presence, contrast);
    return new Interactions(first, pairs, first, ends[0], ends[1], Double.NaN);
  }

  private static int perMask(SimilarityGame pair) {
    return pair.counterfactual() ? 2 : 1;
  }

  private int limit(Game game) {
    return masks > 0 ? masks : (int) Math.min(Integer.MAX_VALUE, game.remainingBudget());
  }

  private static void reserveEnds(Game game, String method) {
    int m = game.players();
    if (game.remainingBudget() < 3
        || !game.tryReserve(List.of(Coalition.empty(m), Coalition.full(m)))) {
      throw new IllegalArgumentException(
          method + " needs at least 3 evaluations; the budget leaves " + game.remainingBudget());
    }
  }

  private SmoothMask draw(SegmentedImage image, SplittableRandom rng) {
    int w = image.original().width();
    int h = image.original().height();
    int c = Math.min(cells, Math.min(w, h));
    return SmoothMask.random(w, h, c, keepProbability, rng);
  }
}
