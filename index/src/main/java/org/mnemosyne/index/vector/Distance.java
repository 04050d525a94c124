package org.mnemosyne.index.vector;

/**
 * Squared Euclidean distances for building trees, with a rigorous upper bound for radii. Not
 * canonical: summation order may vary, which {@link #upperBound} allows for.
 */
public final class Distance {
  private Distance() {}

  /** The squared distance of {@code a[ao..ao+d)} and {@code b[bo..bo+d)}, in float. */
  public static float squared(float[] a, int ao, float[] b, int bo, int d) {
    if (VectorSupport.SIMD) {
      return SimdKernels.squaredDistance(a, ao, b, bo, d);
    }
    float s = 0;
    for (int j = 0; j < d; j++) {
      float diff = a[ao + j] - b[bo + j];
      s = Math.fma(diff, diff, s);
    }
    return s;
  }

  /**
   * An upper bound on the true distance given the float result of {@link #squared}: each difference
   * is rounded by at most one unit (relative 2^-24) and the sum by {@code gamma(d)}.
   */
  public static double upperBound(float squared, int d) {
    double g = DotProduct.gamma(d);
    return Math.nextUp(Math.sqrt(squared * (1 + g)) * (1 + 0x1p-23));
  }
}
