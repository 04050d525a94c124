package org.mnemosyne.explain.game;

/**
 * Computes pair interactions (and derived first-order values) for every pair of players of a game.
 * Implementations are immutable, hold their typed settings, and are thread-safe; all randomness
 * comes from the seed.
 */
@FunctionalInterface
public interface JointEstimator {

  /**
   * Estimates within the game's remaining budget.
   *
   * @throws IllegalArgumentException if the budget or the number of players does not allow it; the
   *     message says what is needed
   */
  Interactions estimate(Game game, long seed);

  /**
   * The fewest evaluations the estimator can work with on a game of {@code players} players, so
   * that callers can refuse a request before evaluating anything; a lower bound.
   */
  default long minimumBudget(int players) {
    return 1;
  }
}
