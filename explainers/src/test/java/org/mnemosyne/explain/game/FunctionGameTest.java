package org.mnemosyne.explain.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.progress.CancellationSource;
import org.mnemosyne.api.progress.CancelledException;

class FunctionGameTest {

  @Test
  void repeatedCoalitionsAreEvaluatedOnceAndBatchedBySize() {
    AtomicInteger calls = new AtomicInteger();
    List<Integer> batchSizes = new ArrayList<>();
    FunctionGame g =
        FunctionGame.batchBuilder(
                4,
                batch -> {
                  calls.addAndGet(batch.size());
                  batchSizes.add(batch.size());
                  return batch.stream().mapToDouble(Coalition::size).toArray();
                })
            .batchSize(2)
            .build();
    List<Coalition> cs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      cs.add(Coalition.of(4, i % 4));
      cs.add(Coalition.empty(4));
    }
    double[] v = g.values(cs);
    assertEquals(5, calls.get(), "4 singletons + empty");
    assertEquals(List.of(2, 2, 1), batchSizes);
    assertEquals(1.0, v[0]);
    assertEquals(0.0, v[1]);
    g.values(cs);
    assertEquals(5, calls.get(), "memoised");
    assertEquals(5, g.evaluations());
  }

  @Test
  void budgetIsNeverExceededAndReservationsAreAllOrNothing() {
    FunctionGame g = FunctionGame.builder(5, Coalition::size).budget(3).build();
    assertTrue(g.tryReserve(List.of(Coalition.empty(5), Coalition.full(5))));
    assertEquals(1, g.remainingBudget());
    assertFalse(g.tryReserve(List.of(Coalition.of(5, 1), Coalition.of(5, 2))));
    assertEquals(1, g.remainingBudget(), "a failed reservation reserves nothing");
    assertThrows(
        BudgetExceededException.class,
        () -> g.values(List.of(Coalition.of(5, 1), Coalition.of(5, 2))));
    assertEquals(0, g.evaluations(), "nothing is evaluated when the budget would be exceeded");
    g.values(List.of(Coalition.empty(5), Coalition.full(5), Coalition.of(5, 1)));
    assertEquals(3, g.evaluations());
    assertEquals(0, g.remainingBudget());
    assertArrayEquals(new double[] {5.0}, g.values(List.of(Coalition.full(5))), "known is free");
  }

  @Test
  void cancellationIsPolledBetweenBatches() {
    CancellationSource cancel = new CancellationSource();
    AtomicInteger calls = new AtomicInteger();
    FunctionGame g =
        FunctionGame.batchBuilder(
                6,
                batch -> {
                  calls.incrementAndGet();
                  cancel.cancel();
                  return new double[batch.size()];
                })
            .batchSize(4)
            .cancellation(cancel)
            .build();
    assertThrows(CancelledException.class, () -> g.values(Enumeration.allCoalitions(6)));
    assertEquals(1, calls.get(), "stops after the batch that saw the cancellation");
    assertEquals(4, g.evaluations());
  }

  @Test
  void progressIsMonotoneAndEndsAtTheEvaluationCount() {
    List<Long> done = new ArrayList<>();
    FunctionGame g =
        FunctionGame.builder(5, Coalition::size)
            .batchSize(7)
            .budget(32)
            .progress((d, total, msg) -> done.add(d))
            .build();
    g.values(Enumeration.allCoalitions(5));
    assertEquals(List.of(7L, 14L, 21L, 28L, 32L), done);
  }

  @Test
  void aFailingOrNonFiniteFunctionStopsWithAClearError() {
    FunctionGame throwing =
        FunctionGame.builder(
                3,
                c -> {
                  throw new ArithmeticException("boom");
                })
            .build();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> throwing.value(Coalition.empty(3)));
    assertTrue(e.getMessage().contains("boom"), e.getMessage());
    FunctionGame nan = FunctionGame.of(3, c -> Double.NaN);
    assertThrows(IllegalStateException.class, () -> nan.value(Coalition.empty(3)));
  }

  @Test
  void aCappedViewStopsAtItsCapWhileTheGameHasMore() {
    FunctionGame g = FunctionGame.builder(6, Coalition::size).budget(20).build();
    Game capped = Game.capped(g, 5);
    assertEquals(5, capped.remainingBudget());
    assertTrue(capped.tryReserve(List.of(Coalition.of(6, 1), Coalition.of(6, 2))));
    assertEquals(3, capped.remainingBudget());
    assertFalse(
        capped.tryReserve(
            List.of(
                Coalition.of(6, 3), Coalition.of(6, 4), Coalition.of(6, 5), Coalition.of(6, 0))));
    assertEquals(18, g.remainingBudget());
  }
}
