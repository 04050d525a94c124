package org.mnemosyne.explain.cam;

import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.explain.segment.FeatureGrid;

/**
 * Spreads values given per feature-map cell onto an image's segments: each cell's value is shared
 * among its pixels equally (cells laid on the image as by {@link
 * org.mnemosyne.explain.segment.GridSegmenter}) and each segment sums what its pixels receive.
 * Totals are preserved; for a segmentation equal to the cells it is the identity. Immutable.
 */
public final class CellProjection {
  private final int cells;
  private final int segments;
  private final double[][] weight;

  /** The projection of {@code grid} cells onto {@code target} segments. */
  public CellProjection(FeatureGrid grid, Segments target) {
    int w = target.width();
    int h = target.height();
    this.cells = grid.rows() * grid.columns();
    this.segments = target.count();
    int[] labels = target.labels();
    int[] cellPixels = new int[cells];
    double[][] counts = new double[cells][segments];
    for (int y = 0; y < h; y++) {
      int row = (int) ((long) y * grid.rows() / h);
      for (int x = 0; x < w; x++) {
        int cell = row * grid.columns() + (int) ((long) x * grid.columns() / w);
        cellPixels[cell]++;
        counts[cell][labels[y * w + x]]++;
      }
    }
    for (int c = 0; c < cells; c++) {
      for (int s = 0; s < segments; s++) {
        counts[c][s] = cellPixels[c] == 0 ? 0 : counts[c][s] / cellPixels[c];
      }
    }
    this.weight = counts;
  }

  /** Per-segment values from per-cell values. */
  public double[] project(double[] cellValues) {
    if (cellValues.length != cells) {
      throw new IllegalArgumentException("one value per cell expected");
    }
    double[] out = new double[segments];
    for (int c = 0; c < cells; c++) {
      for (int s = 0; s < segments; s++) {
        out[s] += cellValues[c] * weight[c][s];
      }
    }
    return out;
  }

  /**
   * A {@code [query segment][target segment]} matrix from a {@code [query cell][target cell]} one.
   */
  public static double[][] projectBoth(
      double[][] cellMatrix, CellProjection rows, CellProjection columns) {
    double[][] half = new double[cellMatrix.length][];
    for (int i = 0; i < cellMatrix.length; i++) {
      half[i] = columns.project(cellMatrix[i]);
    }
    double[][] out = new double[rows.segments][columns.segments];
    for (int j = 0; j < columns.segments; j++) {
      double[] column = new double[rows.cells];
      for (int i = 0; i < rows.cells; i++) {
        column[i] = half[i][j];
      }
      double[] projected = rows.project(column);
      for (int s = 0; s < rows.segments; s++) {
        out[s][j] = projected[s];
      }
    }
    return out;
  }
}
