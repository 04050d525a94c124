package org.mnemosyne.index.facet;

import java.util.Arrays;

/**
 * One numeric facet over the items of a segment: each item's numbers (compressed sparse rows;
 * several or none) and all numbers sorted with their items, so that a range is two binary searches
 * and a copy. Negative zero is stored as zero, so that it compares as the condition's bounds do.
 * Immutable.
 */
public final class NumericColumn {
  private final int[] offsets;
  private final double[] values;
  private final double[] sortedValues;
  private final int[] sortedOrdinals;

  /**
   * A column from its rows.
   *
   * @param offsets {@code n + 1} row starts into {@code values}
   * @param values each item's numbers, row after row; no NaN
   */
  public NumericColumn(int[] offsets, double[] values) {
    CategoricalColumn.checkRows(offsets, values.length);
    this.offsets = offsets;
    this.values = values;
    int n = offsets.length - 1;
    Integer[] order = new Integer[values.length];
    int[] owner = new int[values.length];
    for (int i = 0; i < n; i++) {
      for (int p = offsets[i]; p < offsets[i + 1]; p++) {
        if (Double.isNaN(values[p])) {
          throw new IllegalArgumentException("NaN in a numeric column");
        }
        if (values[p] == 0) {
          values[p] = 0.0; // folds -0.0
        }
        owner[p] = i;
      }
    }
    for (int p = 0; p < order.length; p++) {
      order[p] = p;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    this.sortedValues = new double[values.length];
    this.sortedOrdinals = new int[values.length];
    for (int r = 0; r < order.length; r++) {
      sortedValues[r] = values[order[r]];
      sortedOrdinals[r] = owner[order[r]];
    }
  }

  /**
   * Builds a column from each item's numbers.
   *
   * @param rows per item (in ordinal order) its numbers
   */
  public static NumericColumn of(java.util.List<double[]> rows) {
    int[] offsets = new int[rows.size() + 1];
    int total = 0;
    for (int i = 0; i < rows.size(); i++) {
      total += rows.get(i).length;
      offsets[i + 1] = total;
    }
    double[] values = new double[total];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, values, offsets[i], rows.get(i).length);
    }
    return new NumericColumn(offsets, values);
  }

  /** Number of items. */
  public int size() {
    return offsets.length - 1;
  }

  /**
   * The items with a number in {@code [from, to]}.
   *
   * @param from inclusive lower bound, or null for none
   * @param to inclusive upper bound, or null for none
   */
  public OrdinalSet range(Double from, Double to) {
    int lo = from == null ? 0 : firstAtLeast(from);
    int hi = to == null ? sortedValues.length : firstAbove(to);
    int n = size();
    if (lo >= hi) {
      return OrdinalSet.empty(n);
    }
    long[] bits = new long[OrdinalSet.wordCount(n)];
    for (int r = lo; r < hi; r++) {
      bits[sortedOrdinals[r] >>> 6] |= 1L << sortedOrdinals[r];
    }
    return OrdinalSet.ofBits(n, bits);
  }

  private int firstAtLeast(double x) {
    int lo = 0;
    int hi = sortedValues.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sortedValues[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int firstAbove(double x) {
    int lo = 0;
    int hi = sortedValues.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sortedValues[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Start of item {@code ordinal}'s numbers in {@link #valueAt}. */
  public int rowStart(int ordinal) {
    return offsets[ordinal];
  }

  /** End (exclusive) of item {@code ordinal}'s numbers. */
  public int rowEnd(int ordinal) {
    return offsets[ordinal + 1];
  }

  /** The number at position {@code p} of the rows. */
  public double valueAt(int p) {
    return values[p];
  }

  /** The numbers of one item (a copy). */
  public double[] values(int ordinal) {
    return Arrays.copyOfRange(values, offsets[ordinal], offsets[ordinal + 1]);
  }

  /** The row offsets (a copy), for persistence. */
  public int[] offsets() {
    return offsets.clone();
  }

  /** All numbers row after row (a copy), for persistence. */
  public double[] allValues() {
    return values.clone();
  }
}
