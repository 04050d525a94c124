package org.mnemosyne.web.zoom;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mnemosyne.web.search.JpegFiles;

/**
 * Writes a whole Deep Zoom pyramid of a decoded image into a directory: {@value #DESCRIPTOR} (the
 * DZI descriptor) and {@code <level>/<column>_<row>.jpg} for every tile of every level. The image
 * is read once; each level is made from the one above it, so the work is about 4/3 of one pass over
 * the full image plus the JPEG encoding. Stateless.
 */
final class PyramidWriter {
  /** File name of the descriptor inside a pyramid directory. */
  static final String DESCRIPTOR = "image.dzi";

  private PyramidWriter() {}

  /**
   * Writes the pyramid.
   *
   * @return its geometry
   */
  static TileGeometry write(BufferedImage image, Path dir) throws IOException {
    TileGeometry g = TileGeometry.of(image.getWidth(), image.getHeight());
    PyramidLevel level = PyramidLevel.of(image);
    for (int l = g.maxLevel(); l >= 0; l--) {
      if (l < g.maxLevel()) {
        level = level.half();
      }
      Path levelDir = Files.createDirectories(dir.resolve(Integer.toString(l)));
      for (int row = 0; row < g.rows(l); row++) {
        for (int col = 0; col < g.columns(l); col++) {
          JpegFiles.write(level.crop(g.tile(l, col, row)), levelDir.resolve(tileName(col, row)));
        }
      }
    }
    Files.writeString(dir.resolve(DESCRIPTOR), g.descriptor(), StandardCharsets.UTF_8);
    return g;
  }

  /** The file name of a tile within its level directory. */
  static String tileName(int column, int row) {
    return column + "_" + row + ".jpg";
  }
}
