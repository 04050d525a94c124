package org.mnemosyne.explain.game;

import java.util.SplittableRandom;

/**
 * A RISE/SBSM-style random soft mask: a coarse {@code (cells + 1) x (cells + 1)} grid of
 * Bernoulli(p) values, bilinearly up-sampled to the image with cell size {@code width / cells} by
 * {@code height / cells} and shifted by a random sub-cell offset, giving one value in [0, 1] per
 * pixel (1 = original pixel visible). Stored compactly (the kept grid cells and the shift) and
 * rendered on demand, so a mask can be a memoisation key. Immutable.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param cells grid cells per side before the extra row and column
 * @param kept which of the {@code (cells + 1)^2} grid values are 1, row-major
 * @param shiftX horizontal offset in pixels, in {@code [0, width / cells)}
 * @param shiftY vertical offset in pixels, in {@code [0, height / cells)}
 */
public record SmoothMask(
    int width, int height, int cells, Coalition kept, double shiftX, double shiftY) {

  /** Validates. */
  public SmoothMask {
    if (width <= 0 || height <= 0 || cells <= 0) {
      throw new IllegalArgumentException("mask sizes must be positive");
    }
    if (kept.players() != (cells + 1) * (cells + 1)) {
      throw new IllegalArgumentException("kept must cover (cells + 1)^2 grid values");
    }
  }

  /** Draws a random mask. */
  public static SmoothMask random(
      int width, int height, int cells, double keepProbability, SplittableRandom rng) {
    int g = cells + 1;
    boolean[] keep = new boolean[g * g];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = rng.nextDouble() < keepProbability;
    }
    double sx = rng.nextDouble() * width / cells;
    double sy = rng.nextDouble() * height / cells;
    return new SmoothMask(width, height, cells, Coalition.of(keep), sx, sy);
  }

  /** The per-pixel values, row-major. */
  public float[] render() {
    int g = cells + 1;
    double cw = (double) width / cells;
    double ch = (double) height / cells;
    float[] out = new float[width * height];
    for (int y = 0; y < height; y++) {
      double gy = Math.min(g - 1, Math.max(0, (y + 0.5 + shiftY) / ch - 0.5));
      int y0 = Math.min(g - 2 < 0 ? 0 : g - 2, (int) gy);
      double fy = gy - y0;
      for (int x = 0; x < width; x++) {
        double gx = Math.min(g - 1, Math.max(0, (x + 0.5 + shiftX) / cw - 0.5));
        int x0 = Math.min(g - 2 < 0 ? 0 : g - 2, (int) gx);
        double fx = gx - x0;
        double v00 = kept.contains(y0 * g + x0) ? 1 : 0;
        double v01 = kept.contains(y0 * g + x0 + 1) ? 1 : 0;
        double v10 = kept.contains((y0 + 1) * g + x0) ? 1 : 0;
        double v11 = kept.contains((y0 + 1) * g + x0 + 1) ? 1 : 0;
        double top = v00 + fx * (v01 - v00);
        double bottom = v10 + fx * (v11 - v10);
        out[y * width + x] = (float) (top + fy * (bottom - top));
      }
    }
    return out;
  }
}
