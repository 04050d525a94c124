package org.mnemosyne.index.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizedVectorsTest {

  @Test
  void upperBoundNeverFallsBelowTheCanonicalScore() {
    Random rnd = new Random(1);
    for (int d : new int[] {1, 7, 63, 64, 65, 130, 256, 512}) {
      int n = 300;
      float[] x = new float[n * d];
      for (int i = 0; i < n; i++) {
        double scale = Math.pow(10, rnd.nextInt(9) - 4);
        boolean zero = i % 37 == 0;
        boolean spiky = i % 11 == 0;
        for (int j = 0; j < d; j++) {
          x[i * d + j] =
              zero ? 0 : (float) (scale * (spiky && j == 0 ? 100 : 1) * rnd.nextGaussian());
        }
      }
      QuantizedVectors codes = QuantizedVectors.quantize(x, n, d);
      for (int t = 0; t < 20; t++) {
        float[] q = new float[d];
        for (int j = 0; j < d; j++) {
          q[j] = (float) rnd.nextGaussian();
        }
        QueryVector qv = QueryVector.of(q, d);
        for (int i = 0; i < n; i++) {
          float exact = DotProduct.dot(q, 0, x, i * d, d);
          float bound = codes.upperBound(qv.padded(), qv.norm(), i);
          assertTrue(bound >= exact, "d=" + d + " item " + i + ": " + bound + " < " + exact);
        }
      }
    }
  }

  @Test
  void boundIsTightEnoughToPrune() {
    Random rnd = new Random(2);
    int d = 512;
    int n = 200;
    float[] x = new float[n * d];
    for (int i = 0; i < n * d; i++) {
      x[i] = (float) (rnd.nextGaussian() / Math.sqrt(d));
    }
    QuantizedVectors codes = QuantizedVectors.quantize(x, n, d);
    float[] q = new float[d];
    System.arraycopy(x, 0, q, 0, d);
    QueryVector qv = QueryVector.of(q, d);
    for (int i = 0; i < n; i++) {
      float exact = DotProduct.dot(q, 0, x, i * d, d);
      float slack = codes.upperBound(qv.padded(), qv.norm(), i) - exact;
      assertTrue(slack < 0.03, "8-bit error bound on unit vectors is small: " + slack);
    }
  }

  @Test
  void simdAndScalarApproximationsAgree() {
    Random rnd = new Random(3);
    int d = 200;
    int n = 50;
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rnd.nextGaussian();
    }
    QuantizedVectors codes = QuantizedVectors.quantize(x, n, d);
    float[] q = QueryVector.of(java.util.Arrays.copyOf(x, d), d).padded();
    for (int i = 0; i < n; i++) {
      float fast = codes.approximate(q, i);
      assertEquals(fast, codes.approximateScalar(q, i), 1e-3 * Math.abs(fast) + 1e-3);
    }
  }

  @Test
  void fourAtOnceBoundsEqualOneAtATimeBoundsUpToSummationOrder() {
    Random rnd = new Random(4);
    for (int d : new int[] {5, 64, 100, 512, 1280}) {
      int n = 40;
      float[] x = new float[n * d];
      for (int i = 0; i < x.length; i++) {
        // Sparse, non-negative like ReLU features, with some dense rows.
        x[i] = rnd.nextInt(5) == 0 || i / d % 7 == 0 ? (float) Math.abs(rnd.nextGaussian()) : 0f;
      }
      QuantizedVectors codes = QuantizedVectors.quantize(x, n, d);
      float[] q = new float[d];
      for (int j = 0; j < d; j++) {
        q[j] = (float) rnd.nextGaussian();
      }
      QueryVector qv = QueryVector.of(q, d);
      float[] out = new float[4];
      for (int t = 0; t < 30; t++) {
        int[] items = {rnd.nextInt(n), rnd.nextInt(n), rnd.nextInt(n), rnd.nextInt(n)};
        codes.upperBounds4(qv.padded(), qv.norm(), items[0], items[1], items[2], items[3], out);
        for (int k = 0; k < 4; k++) {
          float one = codes.upperBound(qv.padded(), qv.norm(), items[k]);
          assertEquals(one, out[k], 1e-5f * (Math.abs(one) + 1), "d=" + d + " item " + items[k]);
          float exact = DotProduct.dot(qv.padded(), 0, x, items[k] * d, d);
          assertTrue(out[k] >= exact, "d=" + d + ": bound " + out[k] + " < score " + exact);
        }
      }
    }
  }
}
