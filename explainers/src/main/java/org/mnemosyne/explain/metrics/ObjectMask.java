package org.mnemosyne.explain.metrics;

import java.util.Arrays;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.image.RgbImage;

/**
 * The pixels of one object in an image: the ground-truth region of the projection metric
 * (ALGORITHMS.md Appendix 4). For a cut-out on a white background (the sample collections' {@code
 * cutout=yes} items) the object is every pixel that is not white ({@link #nonWhite}). A mask is
 * turned into a region of segments by the share of each segment's pixels that it covers ({@link
 * #region}). Immutable.
 */
public final class ObjectMask {
  /**
   * The white level of {@link #nonWhite} used by the report: a pixel is background when all three
   * channels are at least 0.94 (240 of 255), which tolerates JPEG noise around a white background.
   */
  public static final float DEFAULT_WHITE_LEVEL = 0.94f;

  private final int width;
  private final int height;
  private final boolean[] pixels;

  /**
   * A mask.
   *
   * @param width image width in pixels
   * @param height image height in pixels
   * @param pixels whether each pixel (row-major) belongs to the object; copied
   */
  public ObjectMask(int width, int height, boolean[] pixels) {
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException("a mask needs width*height pixels");
    }
    this.width = width;
    this.height = height;
    this.pixels = pixels.clone();
  }

  /**
   * The object of a cut-out: the pixels with at least one channel below {@code whiteLevel}.
   *
   * @param image the cut-out, as given to the model (so that the mask is aligned with it)
   * @param whiteLevel channel value in (0, 1] from which a channel counts as white
   */
  public static ObjectMask nonWhite(RgbImage image, float whiteLevel) {
    if (!(whiteLevel > 0 && whiteLevel <= 1)) {
      throw new IllegalArgumentException("white level must be in (0, 1]");
    }
    boolean[] object = new boolean[image.width() * image.height()];
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        object[y * image.width() + x] =
            image.get(0, y, x) < whiteLevel
                || image.get(1, y, x) < whiteLevel
                || image.get(2, y, x) < whiteLevel;
      }
    }
    return new ObjectMask(image.width(), image.height(), object);
  }

  /** Image width in pixels. */
  public int width() {
    return width;
  }

  /** Image height in pixels. */
  public int height() {
    return height;
  }

  /** Whether pixel ({@code x}, {@code y}) belongs to the object. */
  public boolean contains(int x, int y) {
    return pixels[y * width + x];
  }

  /** The object's share of the image's pixels, in [0, 1]. */
  public double fraction() {
    int n = 0;
    for (boolean p : pixels) {
      n += p ? 1 : 0;
    }
    return (double) n / pixels.length;
  }

  /** For each segment, the share of its pixels that belong to the object, in [0, 1]. */
  public double[] coverage(Segments segments) {
    if (segments.width() != width || segments.height() != height) {
      throw new IllegalArgumentException(
          "segments of a "
              + segments.width()
              + "x"
              + segments.height()
              + " image for a "
              + width
              + "x"
              + height
              + " mask");
    }
    int[] labels = segments.labels();
    double[] inside = new double[segments.count()];
    double[] all = new double[segments.count()];
    for (int i = 0; i < labels.length; i++) {
      all[labels[i]]++;
      inside[labels[i]] += pixels[i] ? 1 : 0;
    }
    for (int s = 0; s < inside.length; s++) {
      inside[s] /= all[s];
    }
    return inside;
  }

  /**
   * The segments covered by the object: those with {@link #coverage} of at least {@code
   * minCoverage}. When no segment reaches it but the object has pixels, the most covered segment
   * (lowest index on ties), so that a visible object never gives an empty region; empty only for an
   * empty object.
   *
   * @param segments the segmentation of the masked image
   * @param minCoverage share in (0, 1]
   */
  public boolean[] region(Segments segments, double minCoverage) {
    if (!(minCoverage > 0 && minCoverage <= 1)) {
      throw new IllegalArgumentException("minimum coverage must be in (0, 1]");
    }
    double[] c = coverage(segments);
    boolean[] region = new boolean[c.length];
    int best = 0;
    boolean any = false;
    for (int s = 0; s < c.length; s++) {
      region[s] = c[s] >= minCoverage;
      any |= region[s];
      best = c[s] > c[best] ? s : best;
    }
    if (!any && c[best] > 0) {
      region[best] = true;
    }
    return region;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectMask m
        && m.width == width
        && m.height == height
        && Arrays.equals(m.pixels, pixels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(pixels);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT, "ObjectMask[%dx%d, %.1f%% object]", width, height, 100 * fraction());
  }
}
