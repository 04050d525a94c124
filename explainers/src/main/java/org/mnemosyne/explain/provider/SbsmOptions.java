package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.explain.ExplainerOptions;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.PlayerValues;
import org.mnemosyne.explain.game.SimilarityGame;
import org.mnemosyne.explain.sbsm.JointSbsm;
import org.mnemosyne.explain.sbsm.Sbsm;
import org.mnemosyne.explain.sbsm.SmoothSbsm;

/**
 * The options of {@code sbsm} and {@code joint-sbsm}: {@code mask} ({@code smooth}, default:
 * up-sampled random grids as in RISE, see {@link SmoothSbsm}; or {@code binary}: random coalitions
 * of segments, see {@link Sbsm}), {@code masks} (0: the budget), {@code grid} (smooth-mask cells,
 * default 7), {@code keep-probability} (0.5), {@code contrast} (false).
 */
final class SbsmOptions {
  static final Set<String> KEYS = Set.of("mask", "masks", "grid", "keep-probability", "contrast");

  private SbsmOptions() {}

  static GameExplainer.Plan plan(ExplainerOptions o) {
    String mask = o.choice("mask", "smooth", Set.of("smooth", "binary"));
    int masks = o.integer("masks", 0, 0, Integer.MAX_VALUE);
    int grid = o.integer("grid", 7, 1, 1024);
    double keep = o.number("keep-probability", 0.5, 1e-6, 1 - 1e-6);
    boolean contrast = o.flag("contrast", false);
    if (mask.equals("binary")) {
      Sbsm first = new Sbsm(masks, keep, contrast);
      JointSbsm joint = new JointSbsm(masks, keep, contrast);
      return new GameExplainer.Plan() {
        @Override
        public PlayerValues firstOrder(SimilarityGame pair, Game game, Side side, long seed) {
          return first.estimate(game, seed);
        }

        @Override
        public Interactions joint(SimilarityGame pair, Game game, long seed) {
          return joint.estimate(game, seed);
        }
      };
    }
    SmoothSbsm smooth = new SmoothSbsm(masks, grid, keep, contrast);
    return new GameExplainer.Plan() {
      @Override
      public PlayerValues firstOrder(SimilarityGame pair, Game game, Side side, long seed) {
        return smooth.firstOrder(pair, game, side, seed);
      }

      @Override
      public Interactions joint(SimilarityGame pair, Game game, long seed) {
        return smooth.joint(pair, game, seed);
      }
    };
  }
}
