package org.mnemosyne.web.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mnemosyne.db.cache.ExplanationKey;

/** The memory of cache hits: what it remembers, and that it never outlives a forget. */
class CacheHitsTest {
  private static ExplanationKey key(int target) {
    return new ExplanationKey(
        "model",
        "1",
        "kernel-shap",
        "1.0",
        "grid=4",
        "a".repeat(64),
        Optional.of(1L),
        String.format("%064x", target),
        Optional.of((long) target));
  }

  @Test
  void hitsAreRememberedMissesAreAskedAgain() {
    CacheHits hits = new CacheHits();
    AtomicInteger asked = new AtomicInteger();
    assertEquals(Optional.of(7L), hits.find(key(1), () -> count(asked, Optional.of(7L))));
    assertEquals(Optional.of(7L), hits.find(key(1), () -> count(asked, Optional.of(99L))));
    assertEquals(1, asked.get(), "the second request needed no lookup");
    assertEquals(Optional.empty(), hits.find(key(2), () -> count(asked, Optional.empty())));
    assertEquals(Optional.of(8L), hits.find(key(2), () -> count(asked, Optional.of(8L))));
    assertEquals(3, asked.get(), "a miss is not remembered");
  }

  @Test
  void forgetAndRebuildsDropEverything() {
    CacheHits hits = new CacheHits();
    hits.find(key(1), () -> Optional.of(7L));
    hits.forget();
    assertEquals(Optional.of(9L), hits.find(key(1), () -> Optional.of(9L)));
    hits.afterRebuild(new org.mnemosyne.web.search.IndexRebuilt("fp", 10));
    assertEquals(0, hits.size());
  }

  @Test
  void anAnswerReadBeforeAForgetIsNotRemembered() {
    CacheHits hits = new CacheHits();
    // the lookup reads the row, then a takedown deletes it and forgets, then the answer arrives
    assertEquals(
        Optional.of(7L),
        hits.find(
            key(1),
            () -> {
              hits.forget();
              return Optional.of(7L);
            }));
    assertEquals(0, hits.size(), "the stale id was not remembered");
  }

  @Test
  void atMostMaxHitsAreRemembered() {
    CacheHits hits = new CacheHits();
    for (int i = 0; i < CacheHits.MAX + 5; i++) {
      long id = i;
      hits.find(key(i), () -> Optional.of(id));
    }
    assertEquals(true, hits.size() <= CacheHits.MAX, "" + hits.size());
  }

  private static Optional<Long> count(AtomicInteger asked, Optional<Long> answer) {
    asked.incrementAndGet();
    return answer;
  }
}
