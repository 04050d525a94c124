package org.mnemosyne.explain.segment;

/**
 * The spatial shape of a model's feature map, in cells (e.g. 7 x 7 for MobileNetV2 at 224 x 224).
 *
 * @param rows cells vertically
 * @param columns cells horizontally
 */
public record FeatureGrid(int rows, int columns) {
  /** Validates. */
  public FeatureGrid {
    if (rows <= 0 || columns <= 0) {
      throw new IllegalArgumentException("feature grid must be positive: " + rows + "x" + columns);
    }
  }

  /**
   * Parses {@code RxC}, e.g. {@code 7x7}.
   *
   * @throws IllegalArgumentException if malformed
   */
  public static FeatureGrid parse(String text) {
    String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
    try {
      if (parts.length == 2) {
        return new FeatureGrid(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException("expected a grid like 7x7, got '" + text + "'");
  }
}
