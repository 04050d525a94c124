package org.mnemosyne.runtime.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import org.mnemosyne.api.image.RgbImage;

/**
 * Resizes a decoded image to a model's input size. The whole image is kept — no centre crop, which
 * would cut off the edges of paintings and misalign explanation maps: it is stretched to exactly
 * {@code width} x {@code height}. Resampling is separable: area averaging along an axis that
 * shrinks (no aliasing), linear interpolation along an axis that grows. Alpha is composited over
 * white. Common decoder outputs (3-byte BGR, int RGB, 8-bit grey) are read straight from their
 * rasters; other types are converted first. Thread-safe.
 */
public final class ImageResizer {
  private ImageResizer() {}

  /** Resizes and converts to an {@link RgbImage}. */
  public static RgbImage toRgb(BufferedImage image, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("target size must be positive");
    }
    BufferedImage src = readable(image);
    int w = src.getWidth();
    int h = src.getHeight();
    Pixels px = pixels(src); // h rows of w pixels, 8 bits per channel, read in place if possible
    byte[] data = px.data;
    int stride = px.stride;
    Resampling xs = Resampling.of(w, width);
    Resampling ys = Resampling.of(h, height);
    // Horizontal pass: h rows of width*3.
    float[] horizontal = new float[h * width * 3];
    for (int y = 0; y < h; y++) {
      int row = px.offset + y * w * stride;
      int out = y * width * 3;
      for (int x = 0; x < width; x++) {
        float r = 0;
        float g = 0;
        float b = 0;
        for (int k = xs.start[x]; k < xs.start[x + 1]; k++) {
          int p = row + xs.index[k] * stride;
          float wt = xs.weight[k];
          r += wt * (data[p + px.red] & 0xff);
          g += wt * (data[p + px.green] & 0xff);
          b += wt * (data[p + px.blue] & 0xff);
        }
        horizontal[out + x * 3] = r;
        horizontal[out + x * 3 + 1] = g;
        horizontal[out + x * 3 + 2] = b;
      }
    }
    // Vertical pass into planar [0, 1].
    int plane = width * height;
    float[] planes = new float[3 * plane];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        float r = 0;
        float g = 0;
        float b = 0;
        for (int k = ys.start[y]; k < ys.start[y + 1]; k++) {
          int p = (ys.index[k] * width + x) * 3;
          float wt = ys.weight[k];
          r += wt * horizontal[p];
          g += wt * horizontal[p + 1];
          b += wt * horizontal[p + 2];
        }
        int i = y * width + x;
        planes[i] = clamp(r / 255f);
        planes[plane + i] = clamp(g / 255f);
        planes[2 * plane + i] = clamp(b / 255f);
      }
    }
    return RgbImage.ofPlanes(width, height, planes);
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
   * Samples of an image as bytes: pixel i of the image starts at {@code offset + i * stride}, its
   * channels at {@code red}, {@code green}, {@code blue} from there.
   */
  private record Pixels(byte[] data, int offset, int stride, int red, int green, int blue) {}

  /** The image's own raster where its layout allows (no copy), else an RGB copy. */
  private static Pixels pixels(BufferedImage img) {
    int n = img.getWidth() * img.getHeight();
    boolean untranslated =
        img.getRaster().getSampleModelTranslateX() == 0
            && img.getRaster().getSampleModelTranslateY() == 0;
    switch (img.getType()) {
      case BufferedImage.TYPE_3BYTE_BGR -> {
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int offset = img.getRaster().getDataBuffer().getOffset();
        if (!untranslated || bgr.length - offset < 3 * n) {
          return pixels(copyOf(img));
        }
        return new Pixels(bgr, offset, 3, 2, 1, 0);
      }
      case BufferedImage.TYPE_BYTE_GRAY -> {
        byte[] grey = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int offset = img.getRaster().getDataBuffer().getOffset();
        if (!untranslated || grey.length - offset < n) {
          return pixels(copyOf(img));
        }
        return new Pixels(grey, offset, 1, 0, 0, 0);
      }
      default -> {
        int[] rgb =
            img.getRaster().getDataBuffer() instanceof DataBufferInt dbi
                    && dbi.getData().length == n
                    && untranslated
                ? dbi.getData()
                : img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        byte[] out = new byte[3 * n];
        for (int i = 0; i < n; i++) {
          int p = rgb[i];
          out[3 * i] = (byte) (p >> 16);
          out[3 * i + 1] = (byte) (p >> 8);
          out[3 * i + 2] = (byte) p;
        }
        return new Pixels(out, 0, 3, 0, 1, 2);
      }
    }
  }

  private static BufferedImage copyOf(BufferedImage img) {
    BufferedImage rgb =
        new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
    rgb.setRGB(
        0,
        0,
        img.getWidth(),
        img.getHeight(),
        img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth()),
        0,
        img.getWidth());
    return rgb;
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
      java.util.List<Integer> idx = new java.util.ArrayList<>();
      java.util.List<Float> wts = new java.util.ArrayList<>();
      double scale = (double) from / to;
      for (int i = 0; i < to; i++) {
        start[i] = idx.size();
        if (scale >= 1) { // shrink: average the source interval [i*scale, (i+1)*scale)
          double a = i * scale;
          double b = (i + 1) * scale;
          for (int s = (int) Math.floor(a); s < Math.min(from, (int) Math.ceil(b)); s++) {
            double cover = Math.min(b, s + 1) - Math.max(a, s);
            if (cover > 1e-9) {
              idx.add(s);
              wts.add((float) (cover / scale));
            }
          }
        } else { // grow: linear interpolation between pixel centres
          double c = (i + 0.5) * scale - 0.5;
          int s0 = (int) Math.floor(c);
          double f = c - s0;
          int lo = Math.max(0, Math.min(from - 1, s0));
          int hi = Math.max(0, Math.min(from - 1, s0 + 1));
          idx.add(lo);
          wts.add((float) (1 - f));
          idx.add(hi);
          wts.add((float) f);
        }
      }
      start[to] = idx.size();
      int[] index = idx.stream().mapToInt(Integer::intValue).toArray();
      float[] weight = new float[wts.size()];
      for (int k = 0; k < weight.length; k++) {
        weight[k] = wts.get(k);
      }
      return new Resampling(start, index, weight);
    }
  }
}
