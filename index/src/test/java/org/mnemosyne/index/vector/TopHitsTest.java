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

  /** The k-th largest value equals the one of a full sort, with ties, k around 64 and k >= n. */
  @Test
  void kthLargestMatchesSorting() {
    Random rnd = new Random(5);
    for (int t = 0; t < 300; t++) {
      int n = rnd.nextInt(300);
      float[] values = new float[n + rnd.nextInt(3)]; // entries past n must be ignored
      for (int i = 0; i < values.length; i++) {
        values[i] = rnd.nextBoolean() ? rnd.nextInt(7) : (float) rnd.nextGaussian();
      }
      float[] copy = values.clone();
      int k = 1 + rnd.nextInt(t % 3 == 0 ? 200 : 12);
      float[] sorted = java.util.Arrays.copyOf(values, n);
      java.util.Arrays.sort(sorted);
      float expected = k >= n ? Float.NEGATIVE_INFINITY : sorted[n - k];
      assertEquals(expected, TopHits.kthLargest(values, n, k), 0.0, "n=" + n + " k=" + k);
      org.junit.jupiter.api.Assertions.assertArrayEquals(copy, values, "not modified");
    }
  }
}
