package org.mnemosyne.explain.game;

import java.util.Collection;
import java.util.List;

/** See {@link Game#capped}. */
final class CappedGame implements Game {
  private final Game inner;
  private final long cap;
  private final long startRemaining;

  CappedGame(Game inner, long cap) {
    if (cap < 0) {
      throw new IllegalArgumentException("cap must not be negative");
    }
    this.inner = inner;
    this.cap = cap;
    this.startRemaining = inner.remainingBudget();
  }

  @Override
  public int players() {
    return inner.players();
  }

  @Override
  public double[] values(List<Coalition> coalitions) {
    long needed = inner.cost(coalitions);
    if (needed > remainingBudget()) {
      throw new BudgetExceededException(needed, remainingBudget());
    }
    return inner.values(coalitions);
  }

  @Override
  public long cost(Collection<Coalition> coalitions) {
    return inner.cost(coalitions);
  }

  @Override
  public boolean tryReserve(Collection<Coalition> coalitions) {
    if (inner.cost(coalitions) > remainingBudget()) {
      return false;
    }
    return inner.tryReserve(coalitions);
  }

  @Override
  public long remainingBudget() {
    long used = startRemaining - inner.remainingBudget();
    return Math.max(0, Math.min(inner.remainingBudget(), cap - used));
  }

  @Override
  public long evaluations() {
    return inner.evaluations();
  }
}
