package org.mnemosyne.index.vector;

/**
 * An 8-bit copy of row-major float vectors whose approximate scores come with a rigorous upper
 * bound on the canonical score, so that a scan over the codes can skip items exactly.
 *
 * <p>Item {@code i} with values {@code x} is stored as a scale {@code s = max|x_j| / 127} and codes
 * {@code c_j = round(x_j / s)} in {@code [-127, 127]}, packed four to an {@code int} (biased by
 * 128) in blocks of 64 dimensions: in block {@code b}, byte {@code k} of int {@code l} holds
 * dimension {@code 64b + 16k + l}. Dimensions are zero-padded to a multiple of 64. The item's scale
 * and slack follow its codes in the same array, so a candidate costs one run of cache lines even
 * when candidates are scattered. A quarter of the memory of the floats is read per item.
 *
 * <p>Bound: for a query {@code q}, {@code q·x = s (q·c) + q·r} with residual {@code r = x - s c},
 * and {@code |q·r| <= |q| |r|}. With {@link #slack} also covering the rounding of both the
 * approximate and the canonical float computation (see {@link DotProduct#gamma}), {@link
 * #upperBound} never falls below {@link DotProduct#dot} of the same pair.
 *
 * <p>Immutable once built; safe for concurrent reads.
 */
public final class QuantizedVectors {
  private final int dimension;
  private final int blocks;
  private final int stride;
  private final int[] codes;

  private QuantizedVectors(int dimension, int[] codes) {
    this.dimension = dimension;
    this.blocks = blocksFor(dimension);
    this.stride = (blocks << 4) + 2;
    this.codes = codes;
  }

  /** Number of 64-dimension blocks for vectors of length {@code d}. */
  public static int blocksFor(int d) {
    return (d + 63) >>> 6;
  }

  /** The padded length (a multiple of 64) that {@link #approximate} expects its query to have. */
  public static int paddedLength(int d) {
    return blocksFor(d) << 6;
  }

  /**
   * Quantises {@code n} row-major vectors of length {@code d}.
   *
   * @param vectors {@code n * d} finite floats
   * @return the quantised copy
   */
  public static QuantizedVectors quantize(float[] vectors, int n, int d) {
    int blocks = blocksFor(d);
    int stride = (blocks << 4) + 2;
    int[] codes = new int[n * stride];
    double gamma = DotProduct.gamma(paddedLength(d));
    for (int i = 0; i < n; i++) {
      int base = i * d;
      float max = 0;
      double norm2 = 0;
      for (int j = 0; j < d; j++) {
        float v = vectors[base + j];
        max = Math.max(max, Math.abs(v));
        norm2 += (double) v * v;
      }
      float s = max / 127f;
      double err2 = 0;
      int cbase = i * stride;
      for (int j = 0; j < paddedLength(d); j++) {
        int c = 0;
        if (j < d && s > 0) {
          c = Math.max(-127, Math.min(127, Math.round(vectors[base + j] / s)));
          double r = vectors[base + j] - (double) s * c;
          err2 += r * r;
        }
        int b = j >>> 6;
        int k = (j >>> 4) & 3;
        int l = j & 15;
        codes[cbase + (b << 4) + l] |= ((c + 128) & 0xFF) << (8 * k);
      }
      double err = Math.sqrt(err2);
      double norm = Math.sqrt(norm2);
      // Residual, plus rounding of the approximate sum (|s c| <= |x| + err, times 1 + u for the
      // final product by s) and of the canonical dot product (|x|), each by gamma.
      double total = err * (1 + 1e-9) + 3 * gamma * (norm + err) + Double.MIN_NORMAL;
      codes[cbase + (blocks << 4)] = Float.floatToRawIntBits(s);
      codes[cbase + (blocks << 4) + 1] = Float.floatToRawIntBits(Math.nextUp((float) total));
    }
    return new QuantizedVectors(d, codes);
  }

  /** Vector length. */
  public int dimension() {
    return dimension;
  }

  /** Number of items. */
  public int size() {
    return codes.length / stride;
  }

  /**
   * The approximate score {@code s_i (q·c_i)}.
   *
   * @param paddedQuery the query, zero-padded to {@link #paddedLength}
   * @param item the item's position
   */
  public float approximate(float[] paddedQuery, int item) {
    return approximate(paddedQuery, item, 0, blocks);
  }

  /**
   * The approximate score over the 64-dimension blocks {@code [from, to)} only.
   *
   * @param paddedQuery the query (at least {@code 64 * to} values)
   * @param item the item's position
   */
  public float approximate(float[] paddedQuery, int item, int from, int to) {
    int offset = item * stride;
    float raw =
        VectorSupport.SIMD
            ? SimdKernels.approx(paddedQuery, codes, offset, from, to)
            : ScalarKernels.approx(paddedQuery, codes, offset, from, to);
    return scale(item) * raw;
  }

  /** {@link #approximate} by the scalar reference kernel, for tests. */
  float approximateScalar(float[] paddedQuery, int item) {
    return scale(item) * ScalarKernels.approx(paddedQuery, codes, item * stride, 0, blocks);
  }

  /**
   * What to add to {@link #approximate}, per unit of query norm, for a rigorous upper bound.
   *
   * @param item the item's position
   */
  public float slack(int item) {
    return Float.intBitsToFloat(codes[item * stride + (blocks << 4) + 1]);
  }

  /**
   * An upper bound on {@link DotProduct#dot} of the query and item {@code item}.
   *
   * @param paddedQuery the zero-padded query
   * @param queryNorm an upper bound on the query's L2 norm
   */
  public float upperBound(float[] paddedQuery, float queryNorm, int item) {
    return approximate(paddedQuery, item) + queryNorm * slack(item) * 1.000001f;
  }

  private float scale(int item) {
    return Float.intBitsToFloat(codes[item * stride + (blocks << 4)]);
  }

  /** Bytes held, for memory reports. */
  public long bytes() {
    return 4L * codes.length;
  }
}
