package org.mnemosyne.runtime.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.mnemosyne.api.image.RgbImage;

/**
 * Resizes a decoded image to a model's input size. The whole image is kept (no centre crop, which
 * would cut off the edges of paintings and misalign explanation maps): it is stretched to exactly
 * {@code width} x {@code height} with bilinear interpolation, alpha composited over white.
 * Thread-safe.
 */
public final class ImageResizer {
  private ImageResizer() {}

  /** Resizes and converts to an {@link RgbImage}. */
  public static RgbImage toRgb(BufferedImage image, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return RgbImage.ofPackedRgb(width, height, out.getRGB(0, 0, width, height, null, 0, width));
  }
}
