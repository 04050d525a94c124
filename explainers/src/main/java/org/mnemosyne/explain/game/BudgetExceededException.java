package org.mnemosyne.explain.game;

/**
 * A game was asked for more new evaluations than its budget has left. Estimators plan within the
 * budget, so this signals a planning defect rather than a user error; nothing was evaluated.
 */
public final class BudgetExceededException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** With the numbers involved. */
  public BudgetExceededException(long needed, long remaining) {
    super("needs " + needed + " new evaluations but only " + remaining + " remain in the budget");
  }
}
