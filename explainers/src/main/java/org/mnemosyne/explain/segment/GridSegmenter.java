package org.mnemosyne.explain.segment;

import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.image.RgbImage;

/**
 * A regular {@code rows x columns} grid: pixel (x, y) belongs to cell {@code (y * rows / height) *
 * columns + x * columns / width}, so cells differ in size by at most one pixel and, for an image at
 * a CNN's input size, coincide with the receptive-field-centred cells of its feature map. Segment
 * numbers are row-major. Immutable.
 */
public final class GridSegmenter implements Segmenter {
  private final int rows;
  private final int columns;

  /** A grid of positive size. */
  public GridSegmenter(int rows, int columns) {
    if (rows <= 0 || columns <= 0) {
      throw new IllegalArgumentException("grid needs positive rows and columns");
    }
    this.rows = rows;
    this.columns = columns;
  }

  @Override
  public Segments segment(RgbImage image) {
    int w = image.width();
    int h = image.height();
    if (rows > h || columns > w) {
      throw new IllegalArgumentException(
          "a " + rows + "x" + columns + " grid is finer than the " + w + "x" + h + " image");
    }
    int[] labels = new int[w * h];
    for (int y = 0; y < h; y++) {
      int row = (int) ((long) y * rows / h);
      for (int x = 0; x < w; x++) {
        labels[y * w + x] = row * columns + (int) ((long) x * columns / w);
      }
    }
    return new Segments(w, h, rows * columns, labels);
  }

  @Override
  public String toString() {
    return "grid(" + rows + "x" + columns + ")";
  }
}
