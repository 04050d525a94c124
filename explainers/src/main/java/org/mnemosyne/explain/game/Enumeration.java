package org.mnemosyne.explain.game;

import java.util.ArrayList;
import java.util.List;

/**
 * Exhaustive evaluation of small games and the exact transforms built on it: Harsanyi dividends
 * (Möbius transform), Shapley values and order-2 Shapley-Taylor indices. Coalitions are indexed by
 * their bits (player i is bit i). Stateless; thread-safe.
 */
public final class Enumeration {
  /** The most players that exhaustive methods accept at all (2^24 coalitions). */
  public static final int HARD_LIMIT = 24;

  private Enumeration() {}

  /** Every coalition of {@code players} players, in bit order. */
  public static List<Coalition> allCoalitions(int players) {
    checkPlayers(players);
    int count = 1 << players;
    List<Coalition> all = new ArrayList<>(count);
    for (int bits = 0; bits < count; bits++) {
      all.add(Coalition.ofBits(players, bits));
    }
    return all;
  }

  /**
   * Evaluates every coalition of the game.
   *
   * @return {@code v} indexed by coalition bits
   * @throws IllegalArgumentException if the game has more than {@code maxPlayers} players or the
   *     budget cannot pay for every coalition
   */
  public static double[] evaluateAll(Game game, int maxPlayers, String method) {
    int n = game.players();
    if (n > maxPlayers || n > HARD_LIMIT) {
      throw new IllegalArgumentException(
          method
              + " enumerates all 2^M coalitions and accepts at most "
              + Math.min(maxPlayers, HARD_LIMIT)
              + " players; this game has "
              + n
              + " (use a coarser segmentation or a sampling estimator)");
    }
    List<Coalition> all = allCoalitions(n);
    long needed = game.cost(all);
    if (needed > game.remainingBudget()) {
      throw new IllegalArgumentException(
          method
              + " over "
              + n
              + " players needs "
              + needed
              + " more evaluations but the budget leaves "
              + game.remainingBudget());
    }
    return game.values(all);
  }

  /** The Harsanyi dividends {@code d(S) = sum_{T subset S} (-1)^{|S|-|T|} v(T)}, by bits. */
  public static double[] dividends(double[] values) {
    int n = Integer.numberOfTrailingZeros(values.length);
    if (values.length != 1 << n) {
      throw new IllegalArgumentException("values of all 2^n coalitions expected");
    }
    double[] d = values.clone();
    for (int i = 0; i < n; i++) {
      int bit = 1 << i;
      for (int s = 0; s < d.length; s++) {
        if ((s & bit) != 0) {
          d[s] -= d[s ^ bit];
        }
      }
    }
    return d;
  }

  /** Shapley values from dividends: {@code phi_i = sum_{T containing i} d(T) / |T|}. */
  public static double[] shapley(double[] dividends) {
    int n = Integer.numberOfTrailingZeros(dividends.length);
    double[] phi = new double[n];
    for (int s = 1; s < dividends.length; s++) {
      double share = dividends[s] / Integer.bitCount(s);
      for (int rest = s; rest != 0; rest &= rest - 1) {
        phi[Integer.numberOfTrailingZeros(rest)] += share;
      }
    }
    return phi;
  }

  /**
   * Order-2 Shapley-Taylor pair indices from dividends: {@code Phi({i,j}) = sum_{T containing i,j}
   * d(T) / C(|T|, 2)}; symmetric with a zero diagonal.
   */
  public static double[][] pairIndices(double[] dividends) {
    int n = Integer.numberOfTrailingZeros(dividends.length);
    double[][] pairs = new double[n][n];
    int[] members = new int[n];
    for (int s = 1; s < dividends.length; s++) {
      int size = Integer.bitCount(s);
      if (size < 2 || dividends[s] == 0) {
        continue;
      }
      double share = dividends[s] / (size * (size - 1) / 2.0);
      int k = 0;
      for (int rest = s; rest != 0; rest &= rest - 1) {
        members[k++] = Integer.numberOfTrailingZeros(rest);
      }
      for (int a = 0; a < size; a++) {
        for (int b = a + 1; b < size; b++) {
          pairs[members[a]][members[b]] += share;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        pairs[j][i] = pairs[i][j];
      }
    }
    return pairs;
  }

  private static void checkPlayers(int players) {
    if (players < 1 || players > HARD_LIMIT) {
      throw new IllegalArgumentException("enumeration supports 1.." + HARD_LIMIT + " players");
    }
  }
}
