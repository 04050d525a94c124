package org.mnemosyne.explain.interaction;

import org.mnemosyne.explain.game.Enumeration;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.JointEstimator;

/**
 * Exact order-2 Shapley-Taylor interaction indices: enumerate all {@code 2^M} coalitions, take the
 * Harsanyi dividends by the fast Möbius transform, and give each dividend {@code d(T)} to the
 * {@code C(|T|,2)} pairs inside it in equal shares; main effects are {@code v({i}) - v(empty)}. The
 * player values are the exact Shapley values. Refuses more than {@code maxPlayers} players (default
 * 14). Error estimate 0. Immutable; thread-safe.
 */
public final class ExactStii implements JointEstimator {
  /** The default player limit. */
  public static final int DEFAULT_MAX_PLAYERS = 14;

  private final int maxPlayers;

  /** With the default limit. */
  public ExactStii() {
    this(DEFAULT_MAX_PLAYERS);
  }

  /** With a player limit, at most {@link Enumeration#HARD_LIMIT}. */
  public ExactStii(int maxPlayers) {
    if (maxPlayers < 1 || maxPlayers > Enumeration.HARD_LIMIT) {
      throw new IllegalArgumentException("max players must be in 1.." + Enumeration.HARD_LIMIT);
    }
    this.maxPlayers = maxPlayers;
  }

  @Override
  public long minimumBudget(int players) {
    return players <= maxPlayers ? 1L << players : 1;
  }

  @Override
  public Interactions estimate(Game game, long seed) {
    double[] v = Enumeration.evaluateAll(game, maxPlayers, "exact Shapley-Taylor");
    return fromValues(v);
  }

  /** The exact indices of the game whose values, indexed by coalition bits, are {@code v}. */
  public static Interactions fromValues(double[] v) {
    double[] d = Enumeration.dividends(v);
    int m = Integer.numberOfTrailingZeros(v.length);
    double[] main = new double[m];
    for (int i = 0; i < m; i++) {
      main[i] = d[1 << i];
    }
    return new Interactions(
        main, Enumeration.pairIndices(d), Enumeration.shapley(d), v[0], v[v.length - 1], 0);
  }
}
