package org.mnemosyne.api.explain;

import java.util.Objects;

/**
 * How pixels are grouped into the players of the explanation game.
 *
 * @param kind the method
 * @param rows grid rows ({@link Kind#GRID}); ignored otherwise
 * @param columns grid columns ({@link Kind#GRID}); ignored otherwise
 * @param segments target number of superpixels ({@link Kind#SLIC}); ignored otherwise
 * @param compactness SLIC compactness ({@link Kind#SLIC}); ignored otherwise
 */
public record Segmentation(Kind kind, int rows, int columns, int segments, double compactness) {

  /** Segmentation methods. */
  public enum Kind {
    /** A regular rows x columns grid. */
    GRID,
    /** SLIC superpixels. */
    SLIC,
    /** The cells of the model's feature map (e.g. 7 x 7), for grey-box explainers. */
    FEATURE_CELLS
  }

  /** Validates. */
  public Segmentation {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.GRID && (rows <= 0 || columns <= 0)) {
      throw new IllegalArgumentException("grid needs positive rows and columns");
    }
    if (kind == Kind.SLIC && (segments <= 1 || compactness <= 0)) {
      throw new IllegalArgumentException("SLIC needs segments > 1 and compactness > 0");
    }
  }

  /** A regular grid. */
  public static Segmentation grid(int rows, int columns) {
    return new Segmentation(Kind.GRID, rows, columns, 0, 0);
  }

  /** SLIC superpixels. */
  public static Segmentation slic(int segments, double compactness) {
    return new Segmentation(Kind.SLIC, 0, 0, segments, compactness);
  }

  /** The model's feature-map cells. */
  public static Segmentation featureCells() {
    return new Segmentation(Kind.FEATURE_CELLS, 0, 0, 0, 0);
  }

  /** Canonical text, e.g. {@code grid(4x4)}, for cache keys and display. */
  public String describe() {
    return switch (kind) {
      case GRID -> "grid(" + rows + "x" + columns + ")";
      case SLIC -> "slic(" + segments + "," + compactness + ")";
      case FEATURE_CELLS -> "feature-cells";
    };
  }
}
