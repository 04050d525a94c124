package org.mnemosyne.explain.game;

import java.util.Collection;
import java.util.List;

/**
 * A cooperative game {@code v: 2^N -> R} as estimators see it: values of coalitions, computed on
 * demand under a budget of evaluations.
 *
 * <p>Contract: values are deterministic and memoised, so asking for a coalition twice costs one
 * evaluation; what an evaluation is depends on the game (one similarity call per coalition, two for
 * a counterfactual game). A call that would need more evaluations than remain throws {@link
 * BudgetExceededException} before evaluating anything, so the budget is never exceeded. Estimators
 * plan with {@link #cost} and {@link #tryReserve}: reserved evaluations are set aside for the
 * coalitions and no longer count as remaining. Cancellation is polled between batches and surfaces
 * as {@link org.mnemosyne.api.progress.CancelledException}.
 *
 * <p>Not thread-safe: one estimator drives a game at a time.
 */
public interface Game {

  /** The number of players. */
  int players();

  /**
   * The values of the coalitions, in order, evaluating (in batches) those not yet known.
   *
   * @throws BudgetExceededException if more new evaluations are needed than remain (reserved ones
   *     for these coalitions count as available)
   */
  double[] values(List<Coalition> coalitions);

  /** The value of one coalition. */
  default double value(Coalition coalition) {
    return values(List.of(coalition))[0];
  }

  /** The new evaluations these coalitions would need now (neither known nor reserved). */
  long cost(Collection<Coalition> coalitions);

  /**
   * Reserves the evaluations these coalitions need, all or nothing.
   *
   * @return false, reserving nothing, if they do not fit in the remaining budget
   */
  boolean tryReserve(Collection<Coalition> coalitions);

  /** Evaluations still available: the budget less those made and those reserved. */
  long remainingBudget();

  /** Evaluations made so far. */
  long evaluations();

  /**
   * A view of a game that may use at most {@code cap} more evaluations (from now on) than it had
   * used when the view was made; everything else is delegated.
   */
  static Game capped(Game game, long cap) {
    return new CappedGame(game, cap);
  }
}
