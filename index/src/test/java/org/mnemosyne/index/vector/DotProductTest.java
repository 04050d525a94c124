package org.mnemosyne.index.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DotProductTest {

  @Test
  void simdAndScalarKernelsAgreeBitForBitAtEveryLengthAndOffset() {
    Random rnd = new Random(1);
    for (int d = 1; d <= 300; d++) {
      int ao = rnd.nextInt(5);
      int bo = rnd.nextInt(70);
      float[] a = new float[ao + d];
      float[] b = new float[bo + d];
      for (int j = 0; j < d; j++) {
        a[ao + j] = (float) rnd.nextGaussian();
        b[bo + j] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3));
      }
      float canonical = DotProduct.dot(a, ao, b, bo, d);
      assertEquals(
          Float.floatToIntBits(ScalarKernels.dot(a, ao, b, bo, d)),
          Float.floatToIntBits(canonical),
          "d=" + d);
      double exact = 0;
      double norms = 0;
      double na = 0;
      double nb = 0;
      for (int j = 0; j < d; j++) {
        exact += (double) a[ao + j] * b[bo + j];
        na += (double) a[ao + j] * a[ao + j];
        nb += (double) b[bo + j] * b[bo + j];
      }
      norms = Math.sqrt(na) * Math.sqrt(nb);
      assertTrue(Math.abs(canonical - exact) <= DotProduct.gamma(d) * norms, "error bound, d=" + d);
    }
  }

  @Test
  void canonicalScoreIsRepeatableAndNeverNegativeZero() {
    float[] a = {-1, 0, 0};
    float[] b = {0, 5, 7};
    assertEquals(0, Float.floatToIntBits(DotProduct.dot(a, 0, b, 0, 3)));
    Random rnd = new Random(2);
    float[] x = new float[512];
    float[] y = new float[512];
    for (int j = 0; j < 512; j++) {
      x[j] = (float) rnd.nextGaussian();
      y[j] = (float) rnd.nextGaussian();
    }
    float first = DotProduct.dot(x, 0, y, 0, 512);
    for (int i = 0; i < 20_000; i++) {
      assertEquals(first, DotProduct.dot(x, 0, y, 0, 512), 0.0f, "same result once compiled");
    }
  }

  @Test
  void reportsWhichKernelsRun() {
    String d = VectorSupport.describe();
    assertTrue(d.equals("scalar") || d.equals("simd-256") || d.equals("simd-512"), d);
    assertEquals(!d.equals("scalar"), VectorSupport.simd());
  }

  @Test
  void fourRowsAtOnceAreBitForBitTheCanonicalScoreOfEach() {
    Random rnd = new Random(5);
    for (int d : new int[] {1, 63, 64, 128, 200, 512, 1280}) {
      int n = 9;
      float[] b = new float[n * d];
      for (int i = 0; i < b.length; i++) {
        b[i] =
            rnd.nextInt(3) == 0
                ? 0f
                : (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5) - 2));
      }
      float[] a = new float[d];
      for (int j = 0; j < d; j++) {
        a[j] = (float) rnd.nextGaussian();
      }
      float[] out = new float[4];
      for (int t = 0; t < 50; t++) {
        int[] rows = {rnd.nextInt(n), rnd.nextInt(n), rnd.nextInt(n), rnd.nextInt(n)};
        DotProduct.dot4(a, b, rows[0] * d, rows[1] * d, rows[2] * d, rows[3] * d, d, out);
        for (int k = 0; k < 4; k++) {
          assertEquals(
              Float.floatToIntBits(ScalarKernels.dot(a, 0, b, rows[k] * d, d)),
              Float.floatToIntBits(out[k]),
              "d=" + d + " row " + rows[k]);
        }
      }
    }
  }
}
