package org.mnemosyne.explain.censor;

import java.util.Arrays;
import org.mnemosyne.api.image.RgbImage;

/** Replaces pixels by the image's mean colour (per channel). Immutable. */
public final class MeanColourCensor implements CensorStrategy {

  @Override
  public RgbImage absent(RgbImage image) {
    int n = image.width() * image.height();
    float[] planes = image.planes();
    float[] out = new float[3 * n];
    for (int c = 0; c < 3; c++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += planes[c * n + i];
      }
      Arrays.fill(out, c * n, (c + 1) * n, GaussianBlurCensor.clamp(s / n));
    }
    return RgbImage.ofPlanes(image.width(), image.height(), out);
  }

  @Override
  public String toString() {
    return "mean";
  }
}
