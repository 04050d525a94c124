package org.mnemosyne.index.vector;

/**
 * The 8-bit codes of {@link QuantizedVectors} again, transposed in blocks of {@value #ROWS} rows
 * taken in a given order: within a block, the codes of dimension {@code j} for its {@value #ROWS}
 * rows are {@value #ROWS} consecutive bytes. One kernel call then gives the approximate scores of
 * all {@value #ROWS} rows while reading only the query's non-zero dimensions: with sparse data and
 * queries (ReLU features: ~84 % zeros) that is a sixth of the multiply-adds of {@value #ROWS} row
 * kernels, and no gather is needed (the query value is broadcast).
 *
 * <p>The codes and scales are the same as the row codes', and the approximate score differs only in
 * summation order (terms where the query is zero are exactly zero), so {@link
 * QuantizedVectors#bound} of a block score is the same rigorous upper bound on the canonical score.
 *
 * <p>Immutable once built; safe for concurrent reads.
 */
public final class BlockCodes {
  /** Rows per block. */
  public static final int ROWS = 64;

  private final int dimension;
  private final int[] rows;
  private final int[] positions;
  private final byte[] codes;
  private final float[] scales;
  private final float[] slacks;

  private BlockCodes(int dimension, int[] rows, byte[] codes, float[] scales, float[] slacks) {
    this.dimension = dimension;
    this.rows = rows;
    this.positions = new int[rows.length];
    for (int p = 0; p < rows.length; p++) {
      positions[rows[p]] = p;
    }
    this.codes = codes;
    this.scales = scales;
    this.slacks = slacks;
  }

  /**
   * Transposes {@code source}'s codes.
   *
   * @param rows the items in block order, a permutation of {@code 0..n-1} ({@code rows[p]} is the
   *     item at block position {@code p}); kept, not copied
   */
  public static BlockCodes build(QuantizedVectors source, int[] rows) {
    int d = source.dimension();
    int blocks = (rows.length + ROWS - 1) / ROWS;
    if ((long) blocks * ROWS * d > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("too many vectors for one block array: " + rows.length);
    }
    byte[] codes = new byte[blocks * ROWS * d];
    // Scales and slacks in block order too, so that a block's bounds come from contiguous arrays;
    // positions past the end keep scale and slack 0.
    float[] scales = new float[blocks * ROWS];
    float[] slacks = new float[blocks * ROWS];
    for (int p = 0; p < rows.length; p++) {
      int base = (p / ROWS) * ROWS * d + (p % ROWS);
      int item = rows[p];
      for (int j = 0; j < d; j++) {
        codes[base + j * ROWS] = source.code(item, j);
      }
      scales[p] = source.scale(item);
      slacks[p] = source.slack(item);
    }
    return new BlockCodes(d, rows, codes, scales, slacks);
  }

  /** Number of positions (items). */
  public int size() {
    return rows.length;
  }

  /** The item at block position {@code p}. */
  public int row(int p) {
    return rows[p];
  }

  /** The block position of item {@code item}. */
  public int position(int item) {
    return positions[item];
  }

  /**
   * The query's non-zero dimensions and values, padded with (dimension 0, value 0) to a multiple of
   * 8, as {@link #approximate} expects them.
   *
   * @return the number of entries (a multiple of 8) written to {@code dims} and {@code values},
   *     both at least {@code dimension + 7} long
   */
  public static int sparseQuery(float[] query, int dimension, int[] dims, float[] values) {
    int count = 0;
    for (int j = 0; j < dimension; j++) {
      if (query[j] != 0) {
        dims[count] = j;
        values[count++] = query[j];
      }
    }
    while ((count & 7) != 0) {
      dims[count] = 0;
      values[count++] = 0;
    }
    return count;
  }

  /**
   * The raw approximate scores {@code q·c} of the {@value #ROWS} rows of block {@code block} (rows
   * past the end get 0), from the query's non-zero dimensions ({@link #sparseQuery}).
   */
  public void approximate(float[] values, int[] dims, int count, int block, float[] out) {
    int base = block * ROWS * dimension;
    if (VectorSupport.SIMD && SimdKernels.blockApplies()) {
      SimdKernels.blockApprox(values, dims, count, codes, base, out);
    } else {
      ScalarKernels.blockApprox(values, dims, count, codes, base, out);
    }
  }

  /**
   * The rigorous upper bounds ({@link QuantizedVectors#bound}) of the {@value #ROWS} rows of block
   * {@code block} on their canonical scores; positions past the end get 0.
   *
   * @param queryNorm an upper bound on the query's L2 norm
   * @param out receives {@value #ROWS} bounds, in block position order
   */
  public void upperBounds(
      float[] values, int[] dims, int count, int block, float queryNorm, float[] out) {
    approximate(values, dims, count, block, out);
    int base = block * ROWS;
    for (int r = 0; r < ROWS; r++) {
      out[r] = QuantizedVectors.bound(out[r], queryNorm, scales[base + r], slacks[base + r]);
    }
  }

  /** {@link #approximate} by the scalar reference kernel, for tests. */
  void approximateScalar(float[] values, int[] dims, int count, int block, float[] out) {
    ScalarKernels.blockApprox(values, dims, count, codes, block * ROWS * dimension, out);
  }

  /** Bytes held, for memory reports. */
  public long bytes() {
    return codes.length + 8L * rows.length + 4L * (scales.length + slacks.length);
  }
}
