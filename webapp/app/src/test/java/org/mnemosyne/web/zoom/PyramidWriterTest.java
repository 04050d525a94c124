package org.mnemosyne.web.zoom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.web.search.JpegFiles;

class PyramidWriterTest {
  @TempDir Path dir;

  /** A smooth picture (JPEG keeps it well) with structure in both directions. */
  private static BufferedImage picture(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = (int) (255.0 * x / (w - 1));
        int g = (int) (255.0 * y / (h - 1));
        int b = (int) (127.5 + 127.5 * Math.sin(x / 40.0) * Math.cos(y / 30.0));
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return img;
  }

  @Test
  void writesEveryTileOfEveryLevelWithItsGeometrysSize() throws Exception {
    TileGeometry g = PyramidWriter.write(picture(700, 300), dir);
    assertEquals(TileGeometry.of(700, 300), g);
    assertEquals(g.descriptor(), Files.readString(dir.resolve(PyramidWriter.DESCRIPTOR)));
    int files = 0;
    for (int l = 0; l <= g.maxLevel(); l++) {
      for (int c = 0; c < g.columns(l); c++) {
        for (int r = 0; r < g.rows(l); r++) {
          BufferedImage tile = read(l, c, r);
          Rectangle want = g.tile(l, c, r);
          assertEquals(want.width, tile.getWidth(), l + "/" + c + "_" + r);
          assertEquals(want.height, tile.getHeight(), l + "/" + c + "_" + r);
          files++;
        }
      }
      try (var listing = Files.list(dir.resolve(Integer.toString(l)))) {
        assertEquals(g.columns(l) * g.rows(l), listing.count(), "no other files in level " + l);
      }
    }
    assertEquals(6 + 2 + 9, files, "3x2 tiles at the top, 2x1 below, one tile on 9 levels");
  }

  @Test
  void aTileShowsTheDownscaledImageRegion() throws Exception {
    BufferedImage source = picture(700, 300);
    TileGeometry g = PyramidWriter.write(source, dir);
    int[][] tiles = {
      {10, 0, 0}, {10, 1, 0}, {10, 2, 1}, {9, 1, 0}, {9, 0, 0}, {8, 0, 0}, {6, 0, 0}, {3, 0, 0}
    };
    for (int[] t : tiles) {
      int level = t[0];
      Rectangle r = g.tile(level, t[1], t[2]);
      // reference: each pixel of level l is the mean of the 2^k x 2^k source pixels it stands
      // for (k = maxLevel - l; clipped at the right and bottom edges), as OpenSeadragon maps it
      int k = g.maxLevel() - level;
      BufferedImage want = new BufferedImage(r.width, r.height, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < r.height; y++) {
        for (int x = 0; x < r.width; x++) {
          want.setRGB(x, y, blockMean(source, (r.x + x) << k, (r.y + y) << k, 1 << k));
        }
      }
      // JPEG alone loses this much on the reference; downscaling may add at most 1 level more
      Path encoded = Files.createTempFile(dir, "reference", ".jpg");
      JpegFiles.write(want, encoded);
      double jpegLoss = meanDifference(want, ImageIO.read(encoded.toFile()));
      double mean = meanDifference(want, read(level, t[1], t[2]));
      String where = level + "/" + t[1] + "_" + t[2];
      assertTrue(mean < jpegLoss + 1.0, where + ": mean difference " + mean + " vs " + jpegLoss);
      assertTrue(level < 8 || mean < 3.0, where + ": mean difference " + mean);
    }
  }

  private static double meanDifference(BufferedImage a, BufferedImage b) {
    assertEquals(a.getWidth(), b.getWidth());
    assertEquals(a.getHeight(), b.getHeight());
    double sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
        }
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }

  @Test
  void aOnePixelImageIsOneLevel() throws Exception {
    TileGeometry g = PyramidWriter.write(picture(2, 2).getSubimage(0, 0, 1, 1), dir);
    assertEquals(1, g.levels());
    assertEquals(1, read(0, 0, 0).getWidth());
  }

  @Test
  void transparentPixelsBecomeWhite() throws Exception {
    BufferedImage clear = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
    PyramidWriter.write(clear, dir);
    int p = read(2, 0, 0).getRGB(1, 1) & 0xffffff;
    assertTrue((p & 0xff) > 245 && ((p >> 8) & 0xff) > 245 && ((p >> 16) & 0xff) > 245, "white");
  }

  private static int blockMean(BufferedImage img, int x0, int y0, int side) {
    long[] sums = new long[3];
    int n = 0;
    for (int y = y0; y < Math.min(y0 + side, img.getHeight()); y++) {
      for (int x = x0; x < Math.min(x0 + side, img.getWidth()); x++) {
        int p = img.getRGB(x, y);
        sums[0] += (p >> 16) & 0xff;
        sums[1] += (p >> 8) & 0xff;
        sums[2] += p & 0xff;
        n++;
      }
    }
    return (int) Math.round((double) sums[0] / n) << 16
        | (int) Math.round((double) sums[1] / n) << 8
        | (int) Math.round((double) sums[2] / n);
  }

  private BufferedImage read(int level, int col, int row) throws Exception {
    Path file = dir.resolve(Integer.toString(level)).resolve(PyramidWriter.tileName(col, row));
    assertTrue(Files.isRegularFile(file), file.toString());
    return ImageIO.read(file.toFile());
  }
}
