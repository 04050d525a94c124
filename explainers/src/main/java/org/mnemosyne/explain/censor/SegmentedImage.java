package org.mnemosyne.explain.censor;

import java.util.Objects;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.explain.game.Coalition;

/**
 * An image, its censored copy and its segmentation, ready to render the image of any coalition of
 * segments: present segments show the original pixels, absent ones the censored pixels. The
 * censored copy is computed once by the caller; each segment is stored as horizontal runs of
 * pixels, so rendering a coalition copies runs (memory speed) and never recomputes the censor. The
 * grand and empty coalitions return the original and censored images themselves. Immutable;
 * thread-safe.
 */
public final class SegmentedImage {
  private final RgbImage original;
  private final RgbImage absent;
  private final Segments segments;
  private final float[] originalPlanes;
  private final float[] absentPlanes;
  private final int[][] runStarts;
  private final int[][] runLengths;
  private final int[] pixelCounts;
  private final int[] labels;

  /**
   * Prepares an image.
   *
   * @param original the image
   * @param absent its fully censored version, same size
   * @param segments its segmentation, same size
   */
  public SegmentedImage(RgbImage original, RgbImage absent, Segments segments) {
    this.original = Objects.requireNonNull(original, "original");
    this.absent = Objects.requireNonNull(absent, "absent");
    this.segments = Objects.requireNonNull(segments, "segments");
    int w = original.width();
    int h = original.height();
    if (absent.width() != w || absent.height() != h) {
      throw new IllegalArgumentException("censored image has another size");
    }
    if (segments.width() != w || segments.height() != h) {
      throw new IllegalArgumentException(
          "segmentation is "
              + segments.width()
              + "x"
              + segments.height()
              + ", image "
              + w
              + "x"
              + h);
    }
    this.originalPlanes = original.planes();
    this.absentPlanes = absent.planes();
    int count = segments.count();
    this.labels = segments.labels();
    int[] runs = new int[count];
    pixelCounts = new int[count];
    for (int i = 0; i < labels.length; i++) {
      pixelCounts[labels[i]]++;
      if (i % w == 0 || labels[i - 1] != labels[i]) {
        runs[labels[i]]++;
      }
    }
    runStarts = new int[count][];
    runLengths = new int[count][];
    for (int s = 0; s < count; s++) {
      runStarts[s] = new int[runs[s]];
      runLengths[s] = new int[runs[s]];
    }
    int[] filled = new int[count];
    for (int i = 0; i < labels.length; i++) {
      int s = labels[i];
      if (i % w == 0 || labels[i - 1] != s) {
        runStarts[s][filled[s]++] = i;
      }
      runLengths[s][filled[s] - 1]++;
    }
  }

  /** Prepares an image, censoring it with {@code censor}. */
  public static SegmentedImage of(RgbImage original, Segments segments, CensorStrategy censor) {
    return new SegmentedImage(original, censor.absent(original), segments);
  }

  /** The original image. */
  public RgbImage original() {
    return original;
  }

  /** The fully censored image. */
  public RgbImage absent() {
    return absent;
  }

  /** The segmentation (the players). */
  public Segments segments() {
    return segments;
  }

  /** The number of segments. */
  public int count() {
    return segments.count();
  }

  /** Pixels in segment {@code s}. */
  public int pixelCount(int s) {
    return pixelCounts[s];
  }

  /** The image in which exactly the segments of {@code present} show original pixels. */
  public RgbImage render(Coalition present) {
    if (present.players() != count()) {
      throw new IllegalArgumentException(
          "coalition over " + present.players() + " players for " + count() + " segments");
    }
    int size = present.size();
    if (size == count()) {
      return original;
    }
    if (size == 0) {
      return absent;
    }
    int n = original.width() * original.height();
    float[] out = new float[3 * n];
    for (int s = 0; s < count(); s++) {
      float[] src = present.contains(s) ? originalPlanes : absentPlanes;
      int[] starts = runStarts[s];
      int[] lengths = runLengths[s];
      for (int c = 0; c < 3; c++) {
        int off = c * n;
        for (int r = 0; r < starts.length; r++) {
          System.arraycopy(src, off + starts[r], out, off + starts[r], lengths[r]);
        }
      }
    }
    return RgbImage.ofPlanes(original.width(), original.height(), out);
  }

  /**
   * The blend {@code mask * original + (1 - mask) * censored}, pixel by pixel.
   *
   * @param mask one value in [0, 1] per pixel, row-major
   */
  public RgbImage blend(float[] mask) {
    int n = original.width() * original.height();
    if (mask.length != n) {
      throw new IllegalArgumentException("one mask value per pixel expected");
    }
    float[] out = new float[3 * n];
    for (int c = 0; c < 3; c++) {
      int off = c * n;
      for (int i = 0; i < n; i++) {
        float m = mask[i];
        float v = m * originalPlanes[off + i] + (1 - m) * absentPlanes[off + i];
        out[off + i] = Math.min(1f, Math.max(0f, v));
      }
    }
    return RgbImage.ofPlanes(original.width(), original.height(), out);
  }

  /** The mean of a per-pixel quantity over each segment. */
  public double[] segmentMeans(float[] perPixel) {
    if (perPixel.length != labels.length) {
      throw new IllegalArgumentException("one value per pixel expected");
    }
    double[] sums = new double[count()];
    for (int i = 0; i < labels.length; i++) {
      sums[labels[i]] += perPixel[i];
    }
    for (int s = 0; s < sums.length; s++) {
      sums[s] /= pixelCounts[s];
    }
    return sums;
  }
}
