package org.mnemosyne.api.image;

import java.util.Arrays;

/**
 * An immutable RGB image with float channels in [0, 1], stored planar (channel, row, column).
 *
 * <p>This is the one pixel format shared by models and explainers: an explainer censors an {@code
 * RgbImage} and hands it to the model, which applies its own normalisation, so censored and
 * uncensored images go through exactly the same path. Instances are immutable and thread-safe.
 */
public final class RgbImage {
  private final int width;
  private final int height;
  private final float[] planes;

  private RgbImage(int width, int height, float[] planes) {
    this.width = width;
    this.height = height;
    this.planes = planes;
  }

  /**
   * Wraps a copy of planar pixels.
   *
   * @param planes {@code 3 * height * width} values: all red, then all green, then all blue, each
   *     row-major
   * @throws IllegalArgumentException on wrong sizes or values outside [0, 1] (NaN included)
   */
  public static RgbImage ofPlanes(int width, int height, float[] planes) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
    if (planes.length != 3L * width * height) {
      throw new IllegalArgumentException(
          "expected " + 3L * width * height + " values for " + width + "x" + height + " RGB");
    }
    for (float v : planes) {
      if (!(v >= 0f && v <= 1f)) {
        throw new IllegalArgumentException("pixel value " + v + " outside [0, 1]");
      }
    }
    return new RgbImage(width, height, planes.clone());
  }

  /**
   * Converts packed 0xRRGGBB (alpha ignored) pixels, row-major, as returned by {@code
   * BufferedImage.getRGB}.
   */
  public static RgbImage ofPackedRgb(int width, int height, int[] rgb) {
    if (width <= 0 || height <= 0 || rgb.length != width * height) {
      throw new IllegalArgumentException("expected " + width * height + " packed pixels");
    }
    int n = width * height;
    float[] planes = new float[3 * n];
    for (int i = 0; i < n; i++) {
      int p = rgb[i];
      planes[i] = ((p >> 16) & 0xff) / 255f;
      planes[n + i] = ((p >> 8) & 0xff) / 255f;
      planes[2 * n + i] = (p & 0xff) / 255f;
    }
    return new RgbImage(width, height, planes);
  }

  /** Width in pixels. */
  public int width() {
    return width;
  }

  /** Height in pixels. */
  public int height() {
    return height;
  }

  /** The value of channel {@code c} (0 red, 1 green, 2 blue) at ({@code x}, {@code y}). */
  public float get(int c, int y, int x) {
    return planes[(c * height + y) * width + x];
  }

  /** A copy of the planar values (see {@link #ofPlanes}). */
  public float[] planes() {
    return planes.clone();
  }

  /**
   * Copies the planar values (see {@link #ofPlanes}) into {@code dst} from {@code offset}: what a
   * model copies into its input tensor, without the extra array of {@link #planes()}.
   *
   * @throws IndexOutOfBoundsException if they do not fit
   */
  public void copyPlanesTo(float[] dst, int offset) {
    System.arraycopy(planes, 0, dst, offset, planes.length);
  }

  /** Packed 0xRRGGBB pixels, row-major, rounded to 8 bits. */
  public int[] toPackedRgb() {
    int n = width * height;
    int[] rgb = new int[n];
    for (int i = 0; i < n; i++) {
      int r = Math.round(planes[i] * 255f);
      int g = Math.round(planes[n + i] * 255f);
      int b = Math.round(planes[2 * n + i] * 255f);
      rgb[i] = (r << 16) | (g << 8) | b;
    }
    return rgb;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RgbImage other
        && other.width == width
        && other.height == height
        && Arrays.equals(other.planes, planes);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(planes);
  }

  @Override
  public String toString() {
    return "RgbImage[" + width + "x" + height + "]";
  }
}
