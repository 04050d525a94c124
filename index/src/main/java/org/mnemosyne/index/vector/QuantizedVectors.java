package org.mnemosyne.index.vector;

/**
 * An 8-bit copy of row-major float vectors whose approximate scores come with a rigorous upper
 * bound on the canonical score, so that a scan over the codes can skip items exactly.
 *
 * <p>Item {@code i} with values {@code x} is stored as a scale {@code s = max|x_j| / 127} and codes
 * {@code c_j = round(x_j / s)} in {@code [-127, 127]}, one signed byte per dimension in dimension
 * order, zero-padded to a multiple of 64; the scales and slacks are kept in two float arrays. A
 * quarter of the memory of the floats is read per item, and the SIMD kernels widen 16 (or 8) bytes
 * to floats in two instructions.
 *
 * <p>Bound: for a query {@code q}, {@code q·x = s (q·c) + q·r} with residual {@code r = x - s c},
 * and {@code |q·r| <= |q| |r|}. With {@link #slack} also covering the rounding of both the
 * approximate (in any summation order) and the canonical float computation (see {@link
 * DotProduct#gamma}), {@link #upperBound} never falls below {@link DotProduct#dot} of the same
 * pair.
 *
 * <p>Immutable once built; safe for concurrent reads.
 */
public final class QuantizedVectors {
  private final int dimension;
  private final int padded;
  private final byte[] codes;
  private final float[] scales;
  private final float[] slacks;
  private final long zeroCodes;

  private QuantizedVectors(
      int dimension, byte[] codes, float[] scales, float[] slacks, long zeroCodes) {
    this.dimension = dimension;
    this.padded = paddedLength(dimension);
    this.codes = codes;
    this.scales = scales;
    this.slacks = slacks;
    this.zeroCodes = zeroCodes;
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
    int padded = paddedLength(d);
    if ((long) n * padded > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("too many vectors for one code array: " + n);
    }
    byte[] codes = new byte[n * padded];
    float[] scales = new float[n];
    float[] slacks = new float[n];
    double gamma = DotProduct.gamma(padded);
    long zeros = 0;
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
      int cbase = i * padded;
      for (int j = 0; j < d; j++) {
        int c = 0;
        if (s > 0) {
          c = Math.max(-127, Math.min(127, Math.round(vectors[base + j] / s)));
        }
        double r = vectors[base + j] - (double) s * c;
        err2 += r * r;
        codes[cbase + j] = (byte) c;
        if (c == 0) {
          zeros++;
        }
      }
      double err = Math.sqrt(err2);
      double norm = Math.sqrt(norm2);
      // Residual, plus rounding of the approximate sum (|s c| <= |x| + err, times 1 + u for the
      // final product by s) and of the canonical dot product (|x|), each by gamma.
      double total = err * (1 + 1e-9) + 3 * gamma * (norm + err) + Double.MIN_NORMAL;
      scales[i] = s;
      slacks[i] = Math.nextUp((float) total);
    }
    return new QuantizedVectors(d, codes, scales, slacks, zeros);
  }

  /** Vector length. */
  public int dimension() {
    return dimension;
  }

  /**
   * The fraction of codes (of the {@code n * d} real dimensions) that are zero: high for sparse
   * data such as ReLU features, near zero for dense embeddings; 0 when empty.
   */
  public double zeroFraction() {
    long total = (long) size() * dimension;
    return total == 0 ? 0 : (double) zeroCodes / total;
  }

  /** The code of item {@code item} in dimension {@code j}. */
  byte code(int item, int j) {
    return codes[item * padded + j];
  }

  /**
   * The upper bound of item {@code item} from its raw approximate score {@code q·c} computed in any
   * summation order (see {@link #upperBound}).
   */
  public float bound(float raw, float queryNorm, int item) {
    return bound(raw, queryNorm, scales[item], slacks[item]);
  }

  /**
   * The upper bound of an item with scale {@code scale} and slack {@code slack} from its raw
   * approximate score (the one formula of every bound from these codes).
   */
  static float bound(float raw, float queryNorm, float scale, float slack) {
    return scale * raw + queryNorm * slack * 1.000001f;
  }

  /** The scale of item {@code item}'s codes. */
  float scale(int item) {
    return scales[item];
  }

  /** Number of items. */
  public int size() {
    return scales.length;
  }

  /**
   * The approximate score {@code s_i (q·c_i)}.
   *
   * @param paddedQuery the query, zero-padded to {@link #paddedLength}
   * @param item the item's position
   */
  public float approximate(float[] paddedQuery, int item) {
    int offset = item * padded;
    float raw =
        VectorSupport.SIMD
            ? SimdKernels.approx(paddedQuery, codes, offset, padded)
            : ScalarKernels.approx(paddedQuery, codes, offset, padded);
    return scales[item] * raw;
  }

  /** {@link #approximate} by the scalar reference kernel, for tests. */
  float approximateScalar(float[] paddedQuery, int item) {
    return scales[item] * ScalarKernels.approx(paddedQuery, codes, item * padded, padded);
  }

  /**
   * What to add to {@link #approximate}, per unit of query norm, for a rigorous upper bound.
   *
   * @param item the item's position
   */
  public float slack(int item) {
    return slacks[item];
  }

  /**
   * An upper bound on {@link DotProduct#dot} of the query and item {@code item}.
   *
   * @param paddedQuery the zero-padded query
   * @param queryNorm an upper bound on the query's L2 norm
   */
  public float upperBound(float[] paddedQuery, float queryNorm, int item) {
    return approximate(paddedQuery, item) + queryNorm * slacks[item] * 1.000001f;
  }

  /**
   * {@link #upperBound} of four items at once (one kernel call reads the four code rows side by
   * side, so their memory loads overlap); the items need not be distinct.
   *
   * @param out receives the four bounds, in the order of the items
   */
  public void upperBounds4(
      float[] paddedQuery, float queryNorm, int i0, int i1, int i2, int i3, float[] out) {
    if (VectorSupport.SIMD) {
      SimdKernels.approx4(
          paddedQuery, codes, i0 * padded, i1 * padded, i2 * padded, i3 * padded, padded, out);
    } else {
      out[0] = ScalarKernels.approx(paddedQuery, codes, i0 * padded, padded);
      out[1] = ScalarKernels.approx(paddedQuery, codes, i1 * padded, padded);
      out[2] = ScalarKernels.approx(paddedQuery, codes, i2 * padded, padded);
      out[3] = ScalarKernels.approx(paddedQuery, codes, i3 * padded, padded);
    }
    out[0] = bound(out[0], queryNorm, i0);
    out[1] = bound(out[1], queryNorm, i1);
    out[2] = bound(out[2], queryNorm, i2);
    out[3] = bound(out[3], queryNorm, i3);
  }

  /** Bytes held, for memory reports. */
  public long bytes() {
    return codes.length + 8L * scales.length;
  }
}
