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
  private final byte[] codes;

  private BlockCodes(int dimension, int[] rows, byte[] codes) {
    this.dimension = dimension;
    this.rows = rows;
    this.codes = codes;
  }

  /**
   * Transposes {@code source}'s codes.
   *
   * @param rows the items in block order ({@code rows[p]} is the item at block position {@code p});
   *     kept, not copied
   */
  public static BlockCodes build(QuantizedVectors source, int[] rows) {
    int d = source.dimension();
    int blocks = (rows.length + ROWS - 1) / ROWS;
    if ((long) blocks * ROWS * d > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("too many vectors for one block array: " + rows.length);
    }
    byte[] codes = new byte[blocks * ROWS * d];
    for (int p = 0; p < rows.length; p++) {
      int base = (p / ROWS) * ROWS * d + (p % ROWS);
      int item = rows[p];
      for (int j = 0; j < d; j++) {
        codes[base + j * ROWS] = source.code(item, j);
      }
    }
    return new BlockCodes(d, rows, codes);
  }

  /** Number of positions (items). */
  public int size() {
    return rows.length;
  }

  /** The item at block position {@code p}. */
  public int row(int p) {
    return rows[p];
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

  /** {@link #approximate} by the scalar reference kernel, for tests. */
  void approximateScalar(float[] values, int[] dims, int count, int block, float[] out) {
    ScalarKernels.blockApprox(values, dims, count, codes, block * ROWS * dimension, out);
  }

  /** Bytes held, for memory reports. */
  public long bytes() {
    return codes.length + 4L * rows.length;
  }
}
