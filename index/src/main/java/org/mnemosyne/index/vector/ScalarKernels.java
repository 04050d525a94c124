package org.mnemosyne.index.vector;

/**
 * Scalar kernels: the reference definition of the canonical dot product and of the quantised
 * approximate score, used when the Vector API is unavailable and by tests as the oracle of the SIMD
 * kernels.
 */
final class ScalarKernels {
  private ScalarKernels() {}

  static float dot(float[] a, int ao, float[] b, int bo, int d) {
    float[] p = new float[64];
    for (int j = 0; j < d; j++) {
      p[j & 63] = Math.fma(a[ao + j], b[bo + j], p[j & 63]);
    }
    return reduce64(p);
  }

  /**
   * Adds 64 partials in the canonical order: {@code s[l] = (p[l] + p[16+l]) + (p[32+l] + p[48+l])}
   * for {@code l < 16}, then halving: {@code s[l] += s[l + 8]}, {@code s[l] += s[l + 4]}, {@code
   * s[l] += s[l + 2]}, result {@code s[0] + s[1]}.
   */
  static float reduce64(float[] p) {
    float[] s = new float[16];
    for (int l = 0; l < 16; l++) {
      s[l] = (p[l] + p[16 + l]) + (p[32 + l] + p[48 + l]);
    }
    for (int half = 8; half >= 2; half >>= 1) {
      for (int l = 0; l < half; l++) {
        s[l] = s[l] + s[l + half];
      }
    }
    return (s[0] + s[1]) + 0.0f;
  }

  /**
   * The quantised dot product {@code sum_j q[j] * c[j]} over {@code length} signed byte codes from
   * {@code offset}, in the layout of {@link QuantizedVectors}.
   */
  static float approx(float[] q, byte[] codes, int offset, int length) {
    float s = 0;
    for (int j = 0; j < length; j++) {
      s = Math.fma(q[j], codes[offset + j], s);
    }
    return s;
  }

  /** Reference for {@link SimdKernels#blockApprox}: 16 rows of a transposed code block. */
  static void blockApprox(
      float[] values, int[] dims, int count, byte[] block, int base, float[] out) {
    for (int r = 0; r < BlockCodes.ROWS; r++) {
      float s = 0;
      for (int t = 0; t < count; t++) {
        s = Math.fma(values[t], block[base + dims[t] * BlockCodes.ROWS + r], s);
      }
      out[r] = s;
    }
  }
}
