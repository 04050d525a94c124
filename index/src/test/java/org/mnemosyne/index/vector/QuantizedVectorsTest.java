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
}
