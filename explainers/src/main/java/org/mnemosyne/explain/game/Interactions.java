package org.mnemosyne.explain.game;

import java.util.Arrays;

/**
 * A second-order result over all players of a game: main effects, the symmetric matrix of pair
 * interactions, and first-order values derived from them. Immutable.
 *
 * <p>For Shapley-Taylor estimators, {@code mainEffects[i] = v({i}) - v(empty)}, {@code pair(i, j)}
 * is the order-2 Shapley-Taylor index and {@code playerValues[i] = mainEffects[i] + 1/2 sum_j
 * pair(i, j)} is the Shapley value of the game. Other estimators document what their numbers mean.
 *
 * @param mainEffects one value per player (copied)
 * @param pairs {@code players x players}, symmetric, zero diagonal (deep-copied)
 * @param playerValues one first-order value per player (copied)
 * @param baseValue {@code v(empty)}
 * @param fullValue {@code v(N)}
 * @param errorEstimate the estimator's own standard-error indicator for the pair values; 0 when
 *     exact
 */
public record Interactions(
    double[] mainEffects,
    double[][] pairs,
    double[] playerValues,
    double baseValue,
    double fullValue,
    double errorEstimate) {

  /** Validates and copies. */
  public Interactions {
    int n = mainEffects.length;
    if (pairs.length != n || playerValues.length != n) {
      throw new IllegalArgumentException("one row and one player value per player expected");
    }
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      if (pairs[i].length != n) {
        throw new IllegalArgumentException("pair matrix must be square");
      }
      copy[i] = pairs[i].clone();
    }
    mainEffects = mainEffects.clone();
    pairs = copy;
    playerValues = playerValues.clone();
  }

  /**
   * Builds the result from main effects and a symmetric pair matrix, with {@code playerValues[i] =
   * mainEffects[i] + 1/2 sum_j pairs[i][j]} (the Shapley value when the inputs are Shapley-Taylor
   * indices).
   */
  public static Interactions withShapleyValues(
      double[] mainEffects, double[][] pairs, double baseValue, double fullValue, double error) {
    double[] phi = new double[mainEffects.length];
    for (int i = 0; i < phi.length; i++) {
      double s = 0;
      for (int j = 0; j < phi.length; j++) {
        if (j != i) {
          s += pairs[i][j];
        }
      }
      phi[i] = mainEffects[i] + 0.5 * s;
    }
    return new Interactions(mainEffects, pairs, phi, baseValue, fullValue, error);
  }

  /** The player values as a first-order result. */
  public PlayerValues asPlayerValues() {
    return new PlayerValues(playerValues, baseValue, fullValue, errorEstimate);
  }

  /** The number of players. */
  public int players() {
    return mainEffects.length;
  }

  /** The interaction of players {@code i} and {@code j}. */
  public double pair(int i, int j) {
    return pairs[i][j];
  }

  /** A copy of the main effects. */
  @Override
  public double[] mainEffects() {
    return mainEffects.clone();
  }

  /** A deep copy of the pair matrix. */
  @Override
  public double[][] pairs() {
    double[][] copy = new double[pairs.length][];
    for (int i = 0; i < pairs.length; i++) {
      copy[i] = pairs[i].clone();
    }
    return copy;
  }

  /** A copy of the first-order values. */
  @Override
  public double[] playerValues() {
    return playerValues.clone();
  }

  /**
   * The block of pairs between players {@code [0, split)} (rows) and {@code [split, players)}
   * (columns): in a joint image game, query segments against target segments.
   */
  public double[][] crossBlock(int split) {
    int n = players();
    double[][] block = new double[split][n - split];
    for (int i = 0; i < split; i++) {
      for (int j = split; j < n; j++) {
        block[i][j - split] = pairs[i][j];
      }
    }
    return block;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Interactions x
        && Arrays.equals(x.mainEffects, mainEffects)
        && Arrays.deepEquals(x.pairs, pairs)
        && Arrays.equals(x.playerValues, playerValues)
        && Double.compare(x.baseValue, baseValue) == 0
        && Double.compare(x.fullValue, fullValue) == 0
        && Double.compare(x.errorEstimate, errorEstimate) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(pairs) + 31 * Arrays.hashCode(mainEffects);
  }

  @Override
  public String toString() {
    return "Interactions[" + players() + " players, v0=" + baseValue + ", vN=" + fullValue + "]";
  }
}
