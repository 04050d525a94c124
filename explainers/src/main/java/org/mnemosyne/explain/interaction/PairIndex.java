package org.mnemosyne.explain.interaction;

/**
 * Numbers the unordered pairs {@code i < j} of {@code m} players {@code 0 .. m(m-1)/2 - 1}, row by
 * row. Immutable.
 */
final class PairIndex {
  private final int m;
  private final int[] rowStart;

  PairIndex(int m) {
    this.m = m;
    this.rowStart = new int[m];
    for (int i = 1; i < m; i++) {
      rowStart[i] = rowStart[i - 1] + (m - i);
    }
  }

  int count() {
    return m * (m - 1) / 2;
  }

  /** The index of pair {@code i < j}. */
  int of(int i, int j) {
    return rowStart[i] + (j - i - 1);
  }

  /** The pair features of a coalition: the indices of all pairs of its members. */
  int[] pairsOf(int[] members) {
    int s = members.length;
    int[] out = new int[s * (s - 1) / 2];
    int k = 0;
    for (int a = 0; a < s; a++) {
      for (int b = a + 1; b < s; b++) {
        out[k++] = of(members[a], members[b]);
      }
    }
    return out;
  }

  /** A symmetric matrix from pair values. */
  double[][] toMatrix(double[] values) {
    double[][] out = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        out[i][j] = values[of(i, j)];
        out[j][i] = out[i][j];
      }
    }
    return out;
  }
}
