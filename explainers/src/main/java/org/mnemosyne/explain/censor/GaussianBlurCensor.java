package org.mnemosyne.explain.censor;

import org.mnemosyne.api.image.RgbImage;

/**
 * Replaces pixels by a Gaussian-blurred copy of the image: a separable kernel of standard deviation
 * {@code sigma} pixels truncated at {@code ceil(3 sigma)}, normalised to sum 1, with edge pixels
 * replicated beyond the border. Cost {@code O(pixels * sigma)}. Immutable.
 */
public final class GaussianBlurCensor implements CensorStrategy {
  private final double sigma;

  /** A blur of standard deviation {@code sigma} pixels (positive). */
  public GaussianBlurCensor(double sigma) {
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("blur sigma must be positive and finite: " + sigma);
    }
    this.sigma = sigma;
  }

  /** The normalised kernel, centre at index {@code radius}. */
  static float[] kernel(double sigma) {
    int radius = (int) Math.ceil(3 * sigma);
    double[] k = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
      sum += k[i + radius];
    }
    float[] out = new float[k.length];
    for (int i = 0; i < k.length; i++) {
      out[i] = (float) (k[i] / sum);
    }
    return out;
  }

  @Override
  public RgbImage absent(RgbImage image) {
    int w = image.width();
    int h = image.height();
    int n = w * h;
    float[] planes = image.planes();
    float[] k = kernel(sigma);
    int r = k.length / 2;
    float[] tmp = new float[n];
    float[] out = new float[3 * n];
    for (int c = 0; c < 3; c++) {
      int base = c * n;
      for (int y = 0; y < h; y++) {
        int row = base + y * w;
        for (int x = 0; x < w; x++) {
          double s = 0;
          for (int d = -r; d <= r; d++) {
            int xx = Math.min(w - 1, Math.max(0, x + d));
            s += k[d + r] * planes[row + xx];
          }
          tmp[y * w + x] = (float) s;
        }
      }
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double s = 0;
          for (int d = -r; d <= r; d++) {
            int yy = Math.min(h - 1, Math.max(0, y + d));
            s += k[d + r] * tmp[yy * w + x];
          }
          out[base + y * w + x] = clamp(s);
        }
      }
    }
    return RgbImage.ofPlanes(w, h, out);
  }

  static float clamp(double v) {
    return (float) Math.min(1.0, Math.max(0.0, v));
  }

  @Override
  public String toString() {
    return "blur(" + sigma + ")";
  }
}
