package org.mnemosyne.explain;

import java.util.Random;
import org.mnemosyne.api.image.RgbImage;

/** Deterministic test images. */
public final class TestImages {
  private TestImages() {}

  /** Random pixels. */
  public static RgbImage random(int width, int height, long seed) {
    Random r = new Random(seed);
    float[] planes = new float[3 * width * height];
    for (int i = 0; i < planes.length; i++) {
      planes[i] = r.nextFloat();
    }
    return RgbImage.ofPlanes(width, height, planes);
  }

  /** One colour everywhere. */
  public static RgbImage solid(int width, int height, float r, float g, float b) {
    int n = width * height;
    float[] planes = new float[3 * n];
    java.util.Arrays.fill(planes, 0, n, r);
    java.util.Arrays.fill(planes, n, 2 * n, g);
    java.util.Arrays.fill(planes, 2 * n, 3 * n, b);
    return RgbImage.ofPlanes(width, height, planes);
  }
}
