package org.mnemosyne.model.djl;

import java.awt.image.BufferedImage;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.runtime.image.ImageResizer;

/** Brings any {@link RgbImage} to the model's input size with the shared resize. */
final class InputPreprocessing {
  private InputPreprocessing() {}

  static RgbImage atModelSize(RgbImage image, int width, int height) {
    if (image.width() == width && image.height() == height) {
      return image;
    }
    BufferedImage b = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    b.setRGB(0, 0, image.width(), image.height(), image.toPackedRgb(), 0, image.width());
    return ImageResizer.toRgb(b, width, height);
  }
}
