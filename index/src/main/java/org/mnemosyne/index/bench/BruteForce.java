package org.mnemosyne.index.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.mnemosyne.index.vector.DotProduct;
import org.mnemosyne.index.vector.TopHits;

/**
 * The baselines of ANCHORS.md: brute force over the subset. Every match is scored and the best k
 * kept, with plain scalar Java or the Vector API (preferred species, four accumulators, lane
 * reduction); either over the matching ids computed beforehand ({@link #search}) or testing every
 * item's facet value per query ({@link #searchFiltering}). {@link #oracle} is the exact reference:
 * the canonical dot product of the indexes ({@link DotProduct}), ties to the smaller id.
 */
public final class BruteForce {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  private BruteForce() {}

  /** Brute force over a precomputed subset of ids. */
  public static TopHits search(BenchCollection c, int[] subset, float[] q, int k, boolean simd) {
    TopHits hits = new TopHits(k, subset.length);
    int d = c.dimension();
    float[] x = c.vectors();
    for (int i : subset) {
      hits.offer(simd ? simdDot(q, x, i * d, d) : scalarDot(q, x, i * d, d), i);
    }
    return hits;
  }

  /** SIMD brute force that finds the subset itself: every item's value is tested per query. */
  public static TopHits searchFiltering(BenchCollection c, BenchTarget t, float[] q, int k) {
    int n = c.size();
    int d = c.dimension();
    TopHits hits = new TopHits(k, n);
    float[] x = c.vectors();
    boolean[] allowed = c.allowed(t);
    int[] facet = allowed == null ? null : c.column(t.field());
    for (int i = 0; i < n; i++) {
      if (allowed == null || allowed[facet[i]]) {
        hits.offer(simdDot(q, x, i * d, d), i);
      }
    }
    return hits;
  }

  /** The exact answer with the indexes' canonical dot product, over a precomputed subset. */
  public static TopHits oracle(BenchCollection c, int[] subset, float[] q, int k) {
    TopHits hits = new TopHits(k, subset.length);
    int d = c.dimension();
    float[] x = c.vectors();
    for (int i : subset) {
      hits.offer(DotProduct.dot(q, 0, x, i * d, d), i);
    }
    return hits;
  }

  /** Plain scalar dot product of q with the vector at {@code off}. */
  public static float scalarDot(float[] q, float[] x, int off, int d) {
    float s = 0;
    for (int j = 0; j < d; j++) {
      s += q[j] * x[off + j];
    }
    return s;
  }

  /** Vector API dot product of q with the vector at {@code off}. */
  public static float simdDot(float[] q, float[] x, int off, int d) {
    int l = F.length();
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    int j = 0;
    for (; j <= d - 4 * l; j += 4 * l) {
      a0 = FloatVector.fromArray(F, q, j).fma(FloatVector.fromArray(F, x, off + j), a0);
      a1 = FloatVector.fromArray(F, q, j + l).fma(FloatVector.fromArray(F, x, off + j + l), a1);
      a2 =
          FloatVector.fromArray(F, q, j + 2 * l)
              .fma(FloatVector.fromArray(F, x, off + j + 2 * l), a2);
      a3 =
          FloatVector.fromArray(F, q, j + 3 * l)
              .fma(FloatVector.fromArray(F, x, off + j + 3 * l), a3);
    }
    for (; j <= d - l; j += l) {
      a0 = FloatVector.fromArray(F, q, j).fma(FloatVector.fromArray(F, x, off + j), a0);
    }
    float s = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
    for (; j < d; j++) {
      s += q[j] * x[off + j];
    }
    return s;
  }
}
