package org.mnemosyne.runtime.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import org.mnemosyne.api.image.RgbImage;

/**
 * Resizes a decoded image to a model's input size. The whole image is kept — no centre crop, which
 * would cut off the edges of paintings and misalign explanation maps: it is stretched to exactly
 * {@code width} x {@code height}. Resampling is separable: area averaging along an axis that
 * shrinks (no aliasing), linear interpolation along an axis that grows. Alpha is composited over
 * white. Common decoder outputs (3-byte BGR, int RGB, 8-bit grey, also as sub-images) are read
 * straight from their rasters; other types are converted first. Thread-safe.
 *
 * <p>The arithmetic, which every caller relies on (the embeddings in the database included): for
 * each output row, the float sum over its source rows, in order, of {@code weight * sample} at
 * every source column (the vertical pass); then for each output pixel and channel the float sum
 * over its source columns, in order, of {@code weight * vertical sum} (the horizontal pass);
 * divided by 255 and clamped to [0, 1]. The vertical pass runs along whole contiguous rows, with
 * SIMD where the JVM has the Vector API ({@link RowKernels}); both kernels give the same floats bit
 * for bit ({@code ImageResizerTest} checks the whole resize against a plain per-pixel
 * implementation of the definition above).
 *
 * <p>Until 2026-11-26 the horizontal pass came first (over every source row). Both orders compute
 * the same averages; only float rounding differs, by at most a few units in the last place (the
 * largest difference on all sample images is recorded in docs/BENCHMARKS.md, "Model runtime").
 * Doing the vertical pass first filters 224 rows along x instead of every source row and lets
 * contiguous rows use SIMD.
 */
public final class ImageResizer {
  private ImageResizer() {}

  /**
   * Which vertical-pass kernel runs: {@code simd-512}, {@code simd-256} or {@code scalar} (for logs
   * and benchmarks; the results are the same).
   */
  public static String rowKernel() {
    return RowKernels.describe();
  }

  /** Resizes and converts to an {@link RgbImage}. */
  public static RgbImage toRgb(BufferedImage image, int width, int height) {
    return RgbImage.ofPlanes(width, height, planes(image, width, height));
  }

  /**
   * The resized image as planar values in [0, 1] (all red, then all green, then all blue, each
   * row-major), in a new array.
   */
  static float[] planes(BufferedImage image, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("target size must be positive");
    }
    Source src = Source.of(readable(image));
    Resampling ys = Resampling.of(src.height, height);
    Taps xs = Taps.of(Resampling.of(src.width, width), src.stride);
    float[] column = new float[src.width * src.stride]; // one output row at source width
    int plane = width * height;
    float[] planes = new float[3 * plane];
    for (int y = 0; y < height; y++) {
      java.util.Arrays.fill(column, 0f);
      for (int k = ys.start[y]; k < ys.start[y + 1]; k++) {
        src.accumulateRow(ys.index[k], ys.weight[k], column);
      }
      if (src.grey) {
        greyRow(column, xs, planes, y * width, plane);
      } else {
        colourRow(column, src.red, src.green, src.blue, xs, planes, y * width, plane);
      }
    }
    return planes;
  }

  /**
   * The horizontal pass of one output row: from the vertical sums ({@code column}, interleaved
   * samples at source width) to the final values at {@code planes[at + x]} (red), {@code + plane}
   * (green), {@code + 2 * plane} (blue).
   */
  private static void colourRow(
      float[] column, int red, int green, int blue, Taps xs, float[] planes, int at, int plane) {
    int[] start = xs.start;
    int[] offset = xs.offset;
    float[] weight = xs.weight;
    for (int x = 0; x < xs.outputs; x++) {
      float r = 0;
      float g = 0;
      float b = 0;
      for (int k = start[x]; k < start[x + 1]; k++) {
        int p = offset[k];
        float wt = weight[k];
        r += wt * column[p + red];
        g += wt * column[p + green];
        b += wt * column[p + blue];
      }
      planes[at + x] = clamp(r / 255f);
      planes[plane + at + x] = clamp(g / 255f);
      planes[2 * plane + at + x] = clamp(b / 255f);
    }
  }

  /** {@link #colourRow} for one grey channel: the three planes get the same value. */
  private static void greyRow(float[] column, Taps xs, float[] planes, int at, int plane) {
    int[] start = xs.start;
    int[] offset = xs.offset;
    float[] weight = xs.weight;
    for (int x = 0; x < xs.outputs; x++) {
      float v = 0;
      for (int k = start[x]; k < start[x + 1]; k++) {
        v += weight[k] * column[offset[k]];
      }
      v = clamp(v / 255f);
      planes[at + x] = v;
      planes[plane + at + x] = v;
      planes[2 * plane + at + x] = v;
    }
  }

  /**
   * Scales an image so that its longer side is at most {@code maxSide} pixels, keeping its aspect
   * ratio (never enlarging), with the same resampling as {@link #toRgb}: display derivatives and
   * thumbnails look like what the model sees.
   *
   * @return an RGB image; a copy even when no scaling is needed
   */
  public static BufferedImage fit(BufferedImage image, int maxSide) {
    if (maxSide <= 0) {
      throw new IllegalArgumentException("maxSide must be positive");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
    int tw = Math.max(1, (int) Math.round(w * scale));
    int th = Math.max(1, (int) Math.round(h * scale));
    return toBufferedImage(toRgb(image, tw, th));
  }

  /** An {@link RgbImage} as an RGB {@link BufferedImage}. */
  public static BufferedImage toBufferedImage(RgbImage img) {
    BufferedImage b = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
    b.setRGB(0, 0, img.width(), img.height(), img.toPackedRgb(), 0, img.width());
    return b;
  }

  private static float clamp(float v) {
    return v < 0f ? 0f : (v > 1f ? 1f : v);
  }

  /** An image whose raster {@link #pixels} can read directly. */
  private static BufferedImage readable(BufferedImage image) {
    int type = image.getType();
    if (type == BufferedImage.TYPE_3BYTE_BGR
        || type == BufferedImage.TYPE_INT_RGB
        || type == BufferedImage.TYPE_BYTE_GRAY) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  /**
   * The 8-bit samples of a readable image where they lie in its raster (no copy). Row y's samples
   * are {@code width * stride} consecutive bytes from {@code origin + y * scanline} (channels at
   * {@code red}, {@code green}, {@code blue} within each pixel's {@code stride}), or packed
   * 0xRRGGBB ints, which {@link #accumulateRow} unpacks to stride 3.
   */
  private static final class Source {
    final int width;
    final int height;
    final int stride;
    final int red;
    final int green;
    final int blue;
    final boolean grey;
    private final byte[] bytes;
    private final int[] ints;
    private final int origin;
    private final int scanline;

    private Source(
        BufferedImage img,
        byte[] bytes,
        int[] ints,
        int origin,
        int scanline,
        int stride,
        int red,
        int green,
        int blue) {
      this.width = img.getWidth();
      this.height = img.getHeight();
      this.bytes = bytes;
      this.ints = ints;
      this.origin = origin;
      this.scanline = scanline;
      this.stride = stride;
      this.red = red;
      this.green = green;
      this.blue = blue;
      this.grey = stride == 1;
    }

    static Source of(BufferedImage img) {
      WritableRaster raster = img.getRaster();
      SampleModel sm = raster.getSampleModel();
      DataBuffer db = raster.getDataBuffer();
      int tx = -raster.getSampleModelTranslateX();
      int ty = -raster.getSampleModelTranslateY();
      int type = img.getType();
      if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY)
          && sm instanceof ComponentSampleModel csm
          && db instanceof DataBufferByte data
          && db.getNumBanks() == 1
          && csm.getPixelStride() == csm.getNumBands()) {
        int[] bands = csm.getBandOffsets(); // R, G, B order (or the one grey band)
        int stride = csm.getPixelStride();
        int origin = db.getOffset() + ty * csm.getScanlineStride() + tx * stride;
        return stride == 1
            ? new Source(
                img, data.getData(), null, origin + bands[0], csm.getScanlineStride(), 1, 0, 0, 0)
            : new Source(
                img,
                data.getData(),
                null,
                origin,
                csm.getScanlineStride(),
                stride,
                bands[0],
                bands[1],
                bands[2]);
      }
      if (type == BufferedImage.TYPE_INT_RGB
          && sm instanceof SinglePixelPackedSampleModel sppm
          && db instanceof DataBufferInt data
          && db.getNumBanks() == 1) {
        int origin = db.getOffset() + ty * sppm.getScanlineStride() + tx;
        return new Source(img, null, data.getData(), origin, sppm.getScanlineStride(), 3, 0, 1, 2);
      }
      // Unusual layouts: one packed copy.
      int w = img.getWidth();
      int[] rgb = img.getRGB(0, 0, w, img.getHeight(), null, 0, w);
      return new Source(img, null, rgb, 0, w, 3, 0, 1, 2);
    }

    /** {@code column[i] += wt * sample i of row y}, for all {@code width * stride} samples. */
    void accumulateRow(int y, float wt, float[] column) {
      int row = origin + y * scanline;
      if (ints == null) {
        RowKernels.accumulate(bytes, row, wt, column, column.length);
      } else {
        for (int x = 0; x < width; x++) {
          int p = ints[row + x];
          column[3 * x] += wt * ((p >> 16) & 0xff);
          column[3 * x + 1] += wt * ((p >> 8) & 0xff);
          column[3 * x + 2] += wt * (p & 0xff);
        }
      }
    }
  }

  /**
   * One horizontal {@link Resampling} with its source indices as array offsets within a row ({@code
   * index * pixelStride}).
   */
  private static final class Taps {
    final int outputs;
    final int[] start;
    final int[] offset;
    final float[] weight;

    private Taps(int outputs, int[] start, int[] offset, float[] weight) {
      this.outputs = outputs;
      this.start = start;
      this.offset = offset;
      this.weight = weight;
    }

    static Taps of(Resampling r, int stride) {
      int[] offset = new int[r.index.length];
      for (int k = 0; k < offset.length; k++) {
        offset[k] = r.index[k] * stride;
      }
      return new Taps(r.start.length - 1, r.start, offset, r.weight);
    }
  }

  /**
   * One axis of a separable resampling: for output i, source indices {@code index[start[i] ..
   * start[i+1])} with weights summing to 1.
   */
  static final class Resampling {
    final int[] start;
    final int[] index;
    final float[] weight;

    private Resampling(int[] start, int[] index, float[] weight) {
      this.start = start;
      this.index = index;
      this.weight = weight;
    }

    static Resampling of(int from, int to) {
      int[] start = new int[to + 1];
      double scale = (double) from / to;
      // At most ceil(scale) + 1 source pixels per output when shrinking, 2 when growing.
      int most = scale >= 1 ? (int) Math.ceil(scale) + 1 : 2;
      int[] index = new int[to * most];
      float[] weight = new float[to * most];
      int n = 0;
      for (int i = 0; i < to; i++) {
        start[i] = n;
        if (scale >= 1) { // shrink: average the source interval [i*scale, (i+1)*scale)
          double a = i * scale;
          double b = (i + 1) * scale;
          for (int s = (int) Math.floor(a); s < Math.min(from, (int) Math.ceil(b)); s++) {
            double cover = Math.min(b, s + 1) - Math.max(a, s);
            if (cover > 1e-9) {
              index[n] = s;
              weight[n++] = (float) (cover / scale);
            }
          }
        } else { // grow: linear interpolation between pixel centres
          double c = (i + 0.5) * scale - 0.5;
          int s0 = (int) Math.floor(c);
          double f = c - s0;
          index[n] = Math.max(0, Math.min(from - 1, s0));
          weight[n++] = (float) (1 - f);
          index[n] = Math.max(0, Math.min(from - 1, s0 + 1));
          weight[n++] = (float) f;
        }
      }
      start[to] = n;
      return new Resampling(
          start, java.util.Arrays.copyOf(index, n), java.util.Arrays.copyOf(weight, n));
    }
  }
}
