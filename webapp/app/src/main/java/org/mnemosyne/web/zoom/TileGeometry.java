package org.mnemosyne.web.zoom;

import java.awt.Rectangle;

/**
 * The geometry of a Deep Zoom pyramid for an image of {@code width} × {@code height} pixels: level
 * {@link #maxLevel()} is the full image, each level below halves it (rounding up) down to level 0,
 * a single pixel; each level is cut into {@code tileSize} squares, each tile extended by {@code
 * overlap} pixels into its neighbours where it has them (the convention OpenSeadragon's {@code
 * DziTileSource} reads). Pure arithmetic; immutable.
 *
 * @param width image width in pixels (at least 1)
 * @param height image height in pixels (at least 1)
 * @param tileSize tile side without overlap
 * @param overlap pixels each tile shares with each neighbour
 */
public record TileGeometry(int width, int height, int tileSize, int overlap) {
  /** Tile side of the portal's pyramids. */
  public static final int TILE_SIZE = 256;

  /** Overlap of the portal's pyramids: one pixel, so no seams show between tiles. */
  public static final int OVERLAP = 1;

  /** Validates. */
  public TileGeometry {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
    if (tileSize < 1 || overlap < 0 || overlap >= tileSize) {
      throw new IllegalArgumentException("bad tile size/overlap " + tileSize + "/" + overlap);
    }
  }

  /** The portal's geometry (256-pixel tiles, 1 pixel overlap) for an image size. */
  public static TileGeometry of(int width, int height) {
    return new TileGeometry(width, height, TILE_SIZE, OVERLAP);
  }

  /** The highest level (the full image): {@code ceil(log2(max(width, height)))}. */
  public int maxLevel() {
    int longer = Math.max(width, height);
    return longer == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(longer - 1);
  }

  /** Number of levels, {@code maxLevel() + 1}. */
  public int levels() {
    return maxLevel() + 1;
  }

  /** Width of a level: {@code ceil(width / 2^(maxLevel - level))}. */
  public int levelWidth(int level) {
    return shrink(width, level);
  }

  /** Height of a level: {@code ceil(height / 2^(maxLevel - level))}. */
  public int levelHeight(int level) {
    return shrink(height, level);
  }

  /** Number of tile columns of a level. */
  public int columns(int level) {
    return ceilDiv(levelWidth(level), tileSize);
  }

  /** Number of tile rows of a level. */
  public int rows(int level) {
    return ceilDiv(levelHeight(level), tileSize);
  }

  /** Whether a tile exists. */
  public boolean contains(int level, int column, int row) {
    return level >= 0
        && level <= maxLevel()
        && column >= 0
        && row >= 0
        && column < columns(level)
        && row < rows(level);
  }

  /**
   * The pixels of a level that a tile shows, overlap included.
   *
   * @throws IllegalArgumentException if there is no such tile
   */
  public Rectangle tile(int level, int column, int row) {
    if (!contains(level, column, row)) {
      throw new IllegalArgumentException("no tile " + level + "/" + column + "_" + row);
    }
    int x = column * tileSize - (column == 0 ? 0 : overlap);
    int y = row * tileSize - (row == 0 ? 0 : overlap);
    int w = Math.min(tileSize + (column == 0 ? 1 : 2) * overlap, levelWidth(level) - x);
    int h = Math.min(tileSize + (row == 0 ? 1 : 2) * overlap, levelHeight(level) - y);
    return new Rectangle(x, y, w, h);
  }

  /** The DZI descriptor (XML) of this pyramid, with JPEG tiles. */
  public String descriptor() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<Image xmlns=\"http://schemas.microsoft.com/deepzoom/2008\" Format=\"jpg\" Overlap=\""
        + overlap
        + "\" TileSize=\""
        + tileSize
        + "\">\n  <Size Width=\""
        + width
        + "\" Height=\""
        + height
        + "\"/>\n</Image>\n";
  }

  private int shrink(int size, int level) {
    if (level < 0 || level > maxLevel()) {
      throw new IllegalArgumentException("no level " + level + " (0.." + maxLevel() + ")");
    }
    int k = maxLevel() - level;
    return (int) ((size + (1L << k) - 1) >> k);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
