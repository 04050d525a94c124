package org.mnemosyne.explain.game;

import java.util.Arrays;

/**
 * A first-order result: one value per player, with the game's base value {@code v(empty)} and full
 * value {@code v(N)}. Immutable.
 *
 * @param values one value per player (copied)
 * @param baseValue {@code v(empty)}
 * @param fullValue {@code v(N)}
 * @param errorEstimate the estimator's own standard-error indicator; 0 for exact results
 */
public record PlayerValues(
    double[] values, double baseValue, double fullValue, double errorEstimate) {

  /** Copies. */
  public PlayerValues {
    values = values.clone();
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The value of player {@code i}. */
  public double value(int i) {
    return values[i];
  }

  /** The number of players. */
  public int players() {
    return values.length;
  }

  /** The sum of the values (for Shapley values: {@code v(N) - v(empty)}). */
  public double sum() {
    return Arrays.stream(values).sum();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlayerValues p
        && Arrays.equals(p.values, values)
        && Double.compare(p.baseValue, baseValue) == 0
        && Double.compare(p.fullValue, fullValue) == 0
        && Double.compare(p.errorEstimate, errorEstimate) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) + 31 * Double.hashCode(baseValue + 7 * fullValue);
  }

  @Override
  public String toString() {
    return "PlayerValues"
        + Arrays.toString(values)
        + "[v0="
        + baseValue
        + ", vN="
        + fullValue
        + "]";
  }
}
