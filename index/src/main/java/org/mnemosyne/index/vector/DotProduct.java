package org.mnemosyne.index.vector;

/**
 * The canonical dot product: the one routine whose result every search mode reports as the score,
 * so that a scan, a tree and a quantised scan give bit-identical scores for the same pair.
 *
 * <p>Definition (independent of the hardware): 64 partial sums, where element {@code j} is added to
 * partial {@code j mod 64} with a fused multiply-add in increasing {@code j}; then the partials are
 * added in a fixed pairwise tree (see {@link ScalarKernels#dot}). The SIMD kernels (512- and
 * 256-bit) compute exactly this, so scores do not depend on the vector width, on whether the Vector
 * API is present, or on whether the code is interpreted or compiled. Negative zero is returned as
 * zero.
 *
 * <p>Error: like any float summation of {@code d} products, the result is within {@code gamma(d)
 * |a| |b|} of the real dot product (see {@link #gamma}).
 */
public final class DotProduct {
  private DotProduct() {}

  /**
   * The canonical dot product of {@code a[aOffset..aOffset+d)} and {@code b[bOffset..bOffset+d)}.
   *
   * @return the score as a float
   */
  public static float dot(float[] a, int aOffset, float[] b, int bOffset, int d) {
    if (VectorSupport.SIMD) {
      return SimdKernels.dot(a, aOffset, b, bOffset, d);
    }
    return ScalarKernels.dot(a, aOffset, b, bOffset, d);
  }

  /**
   * The canonical dot product of {@code a[0..d)} with the four rows of {@code b} at offsets {@code
   * o0..o3}, into {@code out[0..4)}: bit for bit {@link #dot} of each, but on 512-bit SIMD with the
   * four rows read side by side, so that their memory loads overlap (a scan over scattered rows).
   */
  public static void dot4(
      float[] a, float[] b, int o0, int o1, int o2, int o3, int d, float[] out) {
    if (VectorSupport.SIMD && SimdKernels.dot4Applies(d)) {
      SimdKernels.dot4(a, 0, b, o0, o1, o2, o3, d, out);
      return;
    }
    out[0] = dot(a, 0, b, o0, d);
    out[1] = dot(a, 0, b, o1, d);
    out[2] = dot(a, 0, b, o2, d);
    out[3] = dot(a, 0, b, o3, d);
  }

  /**
   * A rigorous bound on the rounding error of any float dot product of length {@code d} computed
   * with fused multiply-adds in any order: {@code gamma(d) * |a| * |b|}, with {@code gamma(d) = (d
   * + 2) u / (1 - (d + 2) u)} and {@code u = 2^-24}, rounded up.
   *
   * @param d vector length
   * @return the relative factor gamma(d)
   */
  public static double gamma(int d) {
    double nu = (d + 2) * 0x1p-24;
    return Math.nextUp(nu / (1 - nu));
  }
}
