package org.mnemosyne.index.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockCodesTest {
  /**
   * Random vectors, sparse (most entries exactly zero, ReLU-like) or dense, with zero vectors and a
   * few huge or tiny ones; row-major.
   */
  private static float[] vectors(int n, int d, boolean sparse, Random rnd) {
    float[] v = new float[n * d];
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(12);
      if (kind == 0) {
        continue; // zero vector
      }
      double scale = kind == 1 ? 1e4 : kind == 2 ? 1e-4 : 1;
      for (int j = 0; j < d; j++) {
        if (!sparse || rnd.nextInt(100) < 15) {
          double g = rnd.nextGaussian();
          v[i * d + j] = (float) (scale * (sparse ? Math.abs(g) : g));
        }
      }
    }
    return v;
  }

  private static float[] query(int d, boolean sparse, Random rnd) {
    float[] q = new float[QuantizedVectors.paddedLength(d)];
    for (int j = 0; j < d; j++) {
      if (!sparse || rnd.nextInt(100) < 18) {
        q[j] = (float) rnd.nextGaussian();
      }
    }
    return q;
  }

  private static float norm(float[] q) {
    double s = 0;
    for (float x : q) {
      s += (double) x * x;
    }
    return Math.nextUp((float) Math.sqrt(s));
  }

  /**
   * The bound from a block's approximate scores is never below the canonical dot product, the SIMD
   * kernel agrees with the scalar reference up to summation order, and the block bound agrees with
   * the row bound: on sparse and dense data, zero vectors and queries, d not a multiple of the
   * lanes, a number of rows not a multiple of 16, rows in a shuffled order.
   */
  @Test
  void blockBoundsNeverFallBelowTheCanonicalScore() {
    Random rnd = new Random(11);
    for (int d : new int[] {1, 3, 15, 16, 17, 64, 200, 1280}) {
      for (boolean sparse : new boolean[] {true, false}) {
        int n = BlockCodes.ROWS * 2 + rnd.nextInt(BlockCodes.ROWS) + 1;
        float[] x = vectors(n, d, sparse, rnd);
        QuantizedVectors codes = QuantizedVectors.quantize(x, n, d);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
          rows[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
          int j = rnd.nextInt(i + 1);
          int t = rows[i];
          rows[i] = rows[j];
          rows[j] = t;
        }
        BlockCodes blocks = BlockCodes.build(codes, rows);
        assertEquals(n, blocks.size());
        int[] dims = new int[d + 8];
        float[] values = new float[d + 8];
        float[] raw = new float[BlockCodes.ROWS];
        float[] reference = new float[BlockCodes.ROWS];
        float[] upper = new float[BlockCodes.ROWS];
        for (int p = 0; p < n; p++) {
          assertEquals(p, blocks.position(blocks.row(p)), "positions invert rows");
        }
        for (int t = 0; t < 8; t++) {
          float[] q = t == 0 ? new float[QuantizedVectors.paddedLength(d)] : query(d, sparse, rnd);
          float qn = norm(q);
          int count = BlockCodes.sparseQuery(q, d, dims, values);
          assertEquals(0, count % 8, "padded to a multiple of 8");
          for (int b = 0; b * BlockCodes.ROWS < n; b++) {
            blocks.approximate(values, dims, count, b, raw);
            blocks.approximateScalar(values, dims, count, b, reference);
            blocks.upperBounds(values, dims, count, b, qn, upper);
            for (int r = 0; r < BlockCodes.ROWS; r++) {
              int p = b * BlockCodes.ROWS + r;
              if (p >= n) {
                assertEquals(0f, raw[r], "past the end: " + d);
                assertEquals(0f, upper[r], "past the end: " + d);
                continue;
              }
              int item = rows[p];
              float exact = DotProduct.dot(q, 0, x, item * d, d);
              float bound = codes.bound(raw[r], qn, item);
              assertEquals(bound, upper[r], 0f, "upperBounds is the bound of the raw scores");
              String what = "d=" + d + " sparse=" + sparse + " item=" + item;
              assertTrue(bound >= exact, what + ": " + bound + " < " + exact);
              assertTrue(codes.bound(reference[r], qn, item) >= exact, what);
              float row = codes.upperBound(q, qn, item);
              // Summation order only: far inside the slack that covers it.
              float tolerance = 0.1f * qn * codes.slack(item) + 1e-30f;
              assertEquals(row, bound, tolerance, what + ": block and row bounds");
              assertEquals(
                  codes.bound(reference[r], qn, item), bound, tolerance, what + ": scalar");
            }
          }
        }
      }
    }
  }

  /** The fraction of zero codes tells sparse data from dense data. */
  @Test
  void zeroFractionSeparatesSparseFromDenseData() {
    Random rnd = new Random(12);
    float[] sparse = vectors(200, 100, true, rnd);
    float[] dense = vectors(200, 100, false, rnd);
    assertTrue(QuantizedVectors.quantize(sparse, 200, 100).zeroFraction() > 0.8);
    assertTrue(QuantizedVectors.quantize(dense, 200, 100).zeroFraction() < 0.2);
    assertEquals(0, QuantizedVectors.quantize(new float[0], 0, 100).zeroFraction());
  }
}
