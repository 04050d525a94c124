package org.mnemosyne.web.zoom;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * One level of a pyramid in memory: packed RGB pixels, row by row. The next level down is {@link
 * #half()}: each pixel the mean of the (up to) 2 × 2 pixels it covers, so every level is the area
 * average of the full image, like the portal's other derivatives. Immutable once made.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param rgb {@code width * height} packed {@code 0xRRGGBB} pixels
 */
record PyramidLevel(int width, int height, int[] rgb) {

  /** The full-size level of a decoded image (alpha composited over white, like the model sees). */
  static PyramidLevel of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage rgb = image;
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = rgb.createGraphics();
      try {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(image, 0, 0, null);
      } finally {
        g.dispose();
      }
    }
    return new PyramidLevel(w, h, rgb.getRGB(0, 0, w, h, null, 0, w));
  }

  /** The level below: {@code ceil(width / 2)} × {@code ceil(height / 2)}. */
  PyramidLevel half() {
    int hw = (width + 1) / 2;
    int hh = (height + 1) / 2;
    int[] out = new int[hw * hh];
    for (int y = 0; y < hh; y++) {
      int y0 = 2 * y;
      int y1 = Math.min(y0 + 1, height - 1);
      for (int x = 0; x < hw; x++) {
        int x0 = 2 * x;
        int x1 = Math.min(x0 + 1, width - 1);
        // at an odd edge x1 == x0 (or y1 == y0): the pixel is counted twice, which is its mean
        int a = rgb[y0 * width + x0];
        int b = rgb[y0 * width + x1];
        int c = rgb[y1 * width + x0];
        int d = rgb[y1 * width + x1];
        out[y * hw + x] =
            (mean(a >> 16, b >> 16, c >> 16, d >> 16) << 16)
                | (mean(a >> 8, b >> 8, c >> 8, d >> 8) << 8)
                | mean(a, b, c, d);
      }
    }
    return new PyramidLevel(hw, hh, out);
  }

  /** A region of this level as an RGB image (a copy). */
  BufferedImage crop(Rectangle r) {
    BufferedImage tile = new BufferedImage(r.width, r.height, BufferedImage.TYPE_INT_RGB);
    tile.setRGB(0, 0, r.width, r.height, rgb, r.y * width + r.x, width);
    return tile;
  }

  private static int mean(int a, int b, int c, int d) {
    return ((a & 0xff) + (b & 0xff) + (c & 0xff) + (d & 0xff) + 2) >> 2;
  }
}
