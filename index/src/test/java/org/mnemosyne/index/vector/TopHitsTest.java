package org.mnemosyne.index.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.index.Hit;

class TopHitsTest {

  @Test
  void keepsTheBestKWithTiesByAscendingId() {
    Random rnd = new Random(1);
    for (int round = 0; round < 200; round++) {
      int k = 1 + rnd.nextInt(20);
      int n = rnd.nextInt(60);
      TopHits heap = new TopHits(k, n);
      List<Hit> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        float score = rnd.nextInt(5) / 4f;
        long id = rnd.nextInt(1000) - 500L + 1000L * i;
        heap.offer(score, id);
        all.add(new Hit(id, score));
      }
      all.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingLong(Hit::itemId));
      assertEquals(all.subList(0, Math.min(k, n)), heap.toHits());
      if (n >= k) {
        assertEquals(all.get(k - 1).score(), heap.threshold(), 0.0);
      } else {
        assertEquals(Float.NEGATIVE_INFINITY, heap.threshold());
      }
    }
  }

  @Test
  void rejectsNonPositiveK() {
    assertThrows(IllegalArgumentException.class, () -> new TopHits(0, 5));
  }
}
