package org.mnemosyne.index.bench;

import java.util.List;
import org.mnemosyne.api.index.Hit;

/** A method under test: answers a conditional k-NN query; thread-safe. */
public interface BenchMethod {

  /**
   * An answer and the work it took.
   *
   * @param hits at most k hits, best first
   * @param visited vectors scored plus index nodes opened
   */
  record Answer(List<Hit> hits, long visited) {}

  /** The name in the tables. */
  String name();

  /** Answers one query. */
  Answer search(float[] q, BenchTarget target, int k);

  /** Seconds the method's structure took to build (0 for brute force). */
  default double buildSeconds() {
    return 0;
  }

  /** Bytes the method holds in memory beyond the collection, or -1 when unknown. */
  default long memoryBytes() {
    return 0;
  }

  /** How many queries the exactness/recall check may run (brute force in scalar Java is slow). */
  default int verifyLimit() {
    return Integer.MAX_VALUE;
  }

  /** Brute force over the subset with the ids computed once per condition, outside the timing. */
  static BenchMethod bruteForce(BenchCollection c, boolean simd) {
    java.util.Map<BenchTarget, int[]> subsets = new java.util.concurrent.ConcurrentHashMap<>();
    return new BenchMethod() {
      @Override
      public String name() {
        return simd ? "simd-bf" : "scalar-bf";
      }

      @Override
      public Answer search(float[] q, BenchTarget t, int k) {
        int[] subset = subsets.computeIfAbsent(t, c::subset);
        return new Answer(BruteForce.search(c, subset, q, k, simd).toHits(), subset.length);
      }

      @Override
      public int verifyLimit() {
        return simd ? Integer.MAX_VALUE : 10;
      }
    };
  }

  /** SIMD brute force that tests every item's facet value per query. */
  static BenchMethod bruteForceFiltering(BenchCollection c) {
    return new BenchMethod() {
      @Override
      public String name() {
        return "simd-bf-filter";
      }

      @Override
      public Answer search(float[] q, BenchTarget t, int k) {
        var hits = BruteForce.searchFiltering(c, t, q, k);
        return new Answer(hits.toHits(), c.size());
      }
    };
  }
}
