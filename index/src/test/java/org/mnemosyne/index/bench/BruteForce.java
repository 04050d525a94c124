package org.mnemosyne.index.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.mnemosyne.index.vector.TopHits;

/**
 * The baselines of ANCHORS.md: brute force over the subset. Every item's facet value is tested (one
 * array lookup), every match is scored, the best k kept. Two scoring loops: plain scalar Java and
 * the Vector API (preferred species, four accumulators, lane reduction).
 */
final class BruteForce {
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

  private BruteForce() {}

  /** The ids of the items whose facet value is allowed (all items when {@code allowed} is null). */
  static int[] subset(SyntheticCollection c, int[] facet, boolean[] allowed) {
    int[] out = new int[c.n];
    int m = 0;
    for (int i = 0; i < c.n; i++) {
      if (allowed == null || allowed[facet[i]]) {
        out[m++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, m);
  }

  /** Brute force that finds the subset itself: every item's facet value is tested per query. */
  static TopHits searchFiltering(
      SyntheticCollection c, int[] facet, boolean[] allowed, float[] q, int k) {
    TopHits hits = new TopHits(k, c.n);
    int d = c.d;
    float[] x = c.vectors;
    for (int i = 0; i < c.n; i++) {
      if (allowed == null || allowed[facet[i]]) {
        hits.offer(simdDot(q, x, i * d, d), i);
      }
    }
    return hits;
  }

  static TopHits search(SyntheticCollection c, int[] subset, float[] q, int k, boolean simd) {
    TopHits hits = new TopHits(k, subset.length);
    int d = c.d;
    float[] x = c.vectors;
    for (int i : subset) {
      hits.offer(simd ? simdDot(q, x, i * d, d) : scalarDot(q, x, i * d, d), i);
    }
    return hits;
  }

  static float scalarDot(float[] q, float[] x, int off, int d) {
    float s = 0;
    for (int j = 0; j < d; j++) {
      s += q[j] * x[off + j];
    }
    return s;
  }

  static float simdDot(float[] q, float[] x, int off, int d) {
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
