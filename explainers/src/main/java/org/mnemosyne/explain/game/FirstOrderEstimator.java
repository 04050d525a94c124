package org.mnemosyne.explain.game;

/**
 * Computes one value per player of a game (Shapley values, LIME coefficients, saliencies...).
 * Implementations are immutable, hold their typed settings, and are thread-safe; all randomness
 * comes from the seed, so equal games and seeds give equal results.
 */
@FunctionalInterface
public interface FirstOrderEstimator {

  /**
   * Estimates within the game's remaining budget.
   *
   * @throws IllegalArgumentException if the budget or the number of players does not allow it; the
   *     message says what is needed
   */
  PlayerValues estimate(Game game, long seed);

  /**
   * Whether the estimator spends whatever budget it is given (sampling estimators), so that two
   * sides explained in one request should share the budget evenly; exact estimators take what they
   * need.
   */
  default boolean fillsBudget() {
    return true;
  }

  /**
   * The fewest evaluations the estimator can work with on a game of {@code players} players, so
   * that callers can refuse a request before evaluating anything; a lower bound.
   */
  default long minimumBudget(int players) {
    return 1;
  }
}
