package org.mnemosyne.explain.censor;

import java.util.Arrays;
import org.mnemosyne.api.image.RgbImage;

/** Replaces pixels by one constant colour, components in [0, 1]. Immutable. */
public final class ConstantColourCensor implements CensorStrategy {
  private final float[] colour;

  /** The colour (each component in [0, 1]). */
  public ConstantColourCensor(double red, double green, double blue) {
    for (double c : new double[] {red, green, blue}) {
      if (!(c >= 0 && c <= 1)) {
        throw new IllegalArgumentException("colour components must be in [0, 1]");
      }
    }
    this.colour = new float[] {(float) red, (float) green, (float) blue};
  }

  @Override
  public RgbImage absent(RgbImage image) {
    int n = image.width() * image.height();
    float[] out = new float[3 * n];
    for (int c = 0; c < 3; c++) {
      Arrays.fill(out, c * n, (c + 1) * n, colour[c]);
    }
    return RgbImage.ofPlanes(image.width(), image.height(), out);
  }

  @Override
  public String toString() {
    return "constant" + Arrays.toString(colour);
  }
}
