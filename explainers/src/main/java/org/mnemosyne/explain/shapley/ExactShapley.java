package org.mnemosyne.explain.shapley;

import org.mnemosyne.explain.game.Enumeration;
import org.mnemosyne.explain.game.FirstOrderEstimator;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.PlayerValues;

/**
 * Exact Shapley values by enumerating all {@code 2^M} coalitions and splitting each Harsanyi
 * dividend equally among its members. Needs {@code 2^M} evaluations (fewer if some are memoised)
 * and refuses games with more than {@code maxPlayers} players (default 14) with a clear error.
 * Error estimate 0. Immutable; thread-safe.
 */
public final class ExactShapley implements FirstOrderEstimator {
  /** The default player limit. */
  public static final int DEFAULT_MAX_PLAYERS = 14;

  private final int maxPlayers;

  /** With the default limit. */
  public ExactShapley() {
    this(DEFAULT_MAX_PLAYERS);
  }

  /** With a player limit, at most {@link Enumeration#HARD_LIMIT}. */
  public ExactShapley(int maxPlayers) {
    if (maxPlayers < 1 || maxPlayers > Enumeration.HARD_LIMIT) {
      throw new IllegalArgumentException("max players must be in 1.." + Enumeration.HARD_LIMIT);
    }
    this.maxPlayers = maxPlayers;
  }

  @Override
  public PlayerValues estimate(Game game, long seed) {
    double[] v = Enumeration.evaluateAll(game, maxPlayers, "exact Shapley");
    double[] phi = Enumeration.shapley(Enumeration.dividends(v));
    return new PlayerValues(phi, v[0], v[v.length - 1], 0);
  }

  @Override
  public long minimumBudget(int players) {
    return players <= maxPlayers ? 1L << players : 1;
  }

  @Override
  public boolean fillsBudget() {
    return false;
  }
}
