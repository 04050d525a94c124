package org.mnemosyne.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The lock-free bounded cache: what it keeps, what it drops, and that it stays bounded. */
class RecentCacheTest {
  @Test
  void keepsWhatWasPutAndReplaces() {
    RecentCache<String, Integer> c = new RecentCache<>(4);
    assertEquals(Optional.empty(), c.get("a"));
    c.put("a", 1);
    c.put("a", 2);
    assertEquals(Optional.of(2), c.get("a"));
    assertEquals(1, c.size());
  }

  @Test
  void dropsTheLeastRecentlyUsedWhenFull() {
    RecentCache<Integer, Integer> c = new RecentCache<>(8);
    for (int i = 0; i < 8; i++) {
      c.put(i, i);
      LockSupport.parkNanos(200_000); // distinct use times
    }
    for (int i = 0; i < 4; i++) { // 0..3 used again: now the most recently used
      assertEquals(Optional.of(i), c.get(i));
      LockSupport.parkNanos(200_000);
    }
    c.put(8, 8); // over capacity: down to 6 entries, the three least recently used (4..6) go
    assertEquals(6, c.size());
    for (int i = 0; i < 4; i++) {
      assertTrue(c.get(i).isPresent(), "recently used " + i + " kept");
    }
    assertTrue(c.get(7).isPresent());
    assertTrue(c.get(8).isPresent(), "the newest is kept");
    for (int i = 4; i <= 6; i++) {
      assertEquals(Optional.empty(), c.get(i), "least recently used " + i + " dropped");
    }
  }

  @Test
  void staysBoundedAndConsistentUnderConcurrentUse() throws Exception {
    RecentCache<Integer, Integer> c = new RecentCache<>(100);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        done.add(
            pool.submit(
                () -> {
                  Random r = new Random(seed);
                  for (int i = 0; i < 50_000; i++) {
                    int k = r.nextInt(1000);
                    Optional<Integer> v = c.get(k);
                    if (v.isPresent()) {
                      assertEquals(k * 3, v.get(), "a value is only ever its own key's");
                    } else {
                      c.put(k, k * 3);
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(c.size() <= 100 + 4, "bounded: " + c.size());
  }

  @Test
  void refusesANonPositiveCapacity() {
    assertThrows(IllegalArgumentException.class, () -> new RecentCache<>(0));
  }
}
