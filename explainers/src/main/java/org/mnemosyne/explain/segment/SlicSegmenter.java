package org.mnemosyne.explain.segment;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.image.RgbImage;

/**
 * SLIC superpixels (Achanta et al. 2010/2012), implemented here: k-means in CIELAB colour plus
 * position, with each cluster searching only a {@code 2S x 2S} window around its centre ({@code S =
 * sqrt(pixels / segments)}) and the distance {@code D^2 = d_lab^2 + (d_xy / S)^2 m^2} ({@code m}
 * the compactness; about 10 gives regular superpixels, larger is more grid-like).
 *
 * <p>Centres start on a regular grid and move to the lowest colour gradient in their 3 x 3
 * neighbourhood; {@code iterations} assignment/update rounds follow (10 by default). Connectivity
 * is then enforced: each 4-connected piece of a cluster becomes its own segment, and pieces smaller
 * than a quarter of the mean superpixel are merged into the previously labelled neighbour. Segment
 * numbers follow raster order of each segment's first pixel. The count is close to, not exactly,
 * the requested number. Deterministic; immutable.
 */
public final class SlicSegmenter implements Segmenter {
  private final int segments;
  private final double compactness;
  private final int iterations;

  /** SLIC with 10 iterations. */
  public SlicSegmenter(int segments, double compactness) {
    this(segments, compactness, 10);
  }

  /** SLIC with a given number of iterations. */
  public SlicSegmenter(int segments, double compactness, int iterations) {
    if (segments < 1 || !(compactness > 0) || iterations < 1) {
      throw new IllegalArgumentException(
          "SLIC needs segments >= 1, compactness > 0, iterations >= 1");
    }
    this.segments = segments;
    this.compactness = compactness;
    this.iterations = iterations;
  }

  @Override
  public Segments segment(RgbImage image) {
    int w = image.width();
    int h = image.height();
    int n = w * h;
    if (segments > n) {
      throw new IllegalArgumentException(
          segments + " superpixels requested for a " + w + "x" + h + " image");
    }
    float[][] lab = toLab(image);
    double step = Math.sqrt((double) n / segments);
    int nx = Math.max(1, (int) Math.round(w / step));
    int ny = Math.max(1, (int) Math.round(h / step));
    int k = nx * ny;
    double[][] centres = new double[k][5];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int cx = Math.min(w - 1, (int) ((i + 0.5) * w / nx));
        int cy = Math.min(h - 1, (int) ((j + 0.5) * h / ny));
        int best = lowestGradient(lab, w, h, cx, cy);
        int p = best;
        centres[j * nx + i] =
            new double[] {lab[0][p], lab[1][p], lab[2][p], p % w, (double) (p / w)};
      }
    }
    int[] labels = new int[n];
    double[] dist = new double[n];
    int window = (int) Math.ceil(step);
    double spatial = (compactness * compactness) / (step * step);
    for (int it = 0; it < iterations; it++) {
      Arrays.fill(labels, -1);
      Arrays.fill(dist, Double.POSITIVE_INFINITY);
      for (int c = 0; c < k; c++) {
        double[] ce = centres[c];
        int x0 = Math.max(0, (int) (ce[3] - window));
        int x1 = Math.min(w - 1, (int) (ce[3] + window));
        int y0 = Math.max(0, (int) (ce[4] - window));
        int y1 = Math.min(h - 1, (int) (ce[4] + window));
        for (int y = y0; y <= y1; y++) {
          for (int x = x0; x <= x1; x++) {
            int p = y * w + x;
            double dl = lab[0][p] - ce[0];
            double da = lab[1][p] - ce[1];
            double db = lab[2][p] - ce[2];
            double dx = x - ce[3];
            double dy = y - ce[4];
            double d = dl * dl + da * da + db * db + spatial * (dx * dx + dy * dy);
            if (d < dist[p]) {
              dist[p] = d;
              labels[p] = c;
            }
          }
        }
      }
      double[][] sums = new double[k][6];
      for (int p = 0; p < n; p++) {
        int c = labels[p];
        if (c >= 0) {
          double[] s = sums[c];
          s[0] += lab[0][p];
          s[1] += lab[1][p];
          s[2] += lab[2][p];
          s[3] += p % w;
          s[4] += p / w;
          s[5]++;
        }
      }
      for (int c = 0; c < k; c++) {
        if (sums[c][5] > 0) {
          for (int d = 0; d < 5; d++) {
            centres[c][d] = sums[c][d] / sums[c][5];
          }
        }
      }
    }
    return enforceConnectivity(labels, w, h, Math.max(1, n / k / 4));
  }

  private static Segments enforceConnectivity(int[] old, int w, int h, int minSize) {
    int n = w * h;
    int[] fresh = new int[n];
    Arrays.fill(fresh, -1);
    int next = 0;
    int[] component = new int[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    int[] dx = {-1, 1, 0, 0};
    int[] dy = {0, 0, -1, 1};
    for (int start = 0; start < n; start++) {
      if (fresh[start] >= 0) {
        continue;
      }
      int adjacent = -1;
      int sx = start % w;
      int sy = start / w;
      for (int d = 0; d < 4; d++) {
        int x = sx + dx[d];
        int y = sy + dy[d];
        if (x >= 0 && x < w && y >= 0 && y < h && fresh[y * w + x] >= 0) {
          adjacent = fresh[y * w + x];
        }
      }
      int size = 0;
      fresh[start] = next;
      queue.add(start);
      while (!queue.isEmpty()) {
        int p = queue.poll();
        component[size++] = p;
        int px = p % w;
        int py = p / w;
        for (int d = 0; d < 4; d++) {
          int x = px + dx[d];
          int y = py + dy[d];
          if (x >= 0 && x < w && y >= 0 && y < h) {
            int q = y * w + x;
            if (fresh[q] < 0 && old[q] == old[start]) {
              fresh[q] = next;
              queue.add(q);
            }
          }
        }
      }
      if (size < minSize && adjacent >= 0) {
        for (int i = 0; i < size; i++) {
          fresh[component[i]] = adjacent;
        }
      } else {
        next++;
      }
    }
    return new Segments(w, h, next, fresh);
  }

  private static int lowestGradient(float[][] lab, int w, int h, int cx, int cy) {
    int best = cy * w + cx;
    double bestG = Double.POSITIVE_INFINITY;
    for (int y = Math.max(1, cy - 1); y <= Math.min(h - 2, cy + 1); y++) {
      for (int x = Math.max(1, cx - 1); x <= Math.min(w - 2, cx + 1); x++) {
        double g = 0;
        for (int c = 0; c < 3; c++) {
          double gx = lab[c][y * w + x + 1] - lab[c][y * w + x - 1];
          double gy = lab[c][(y + 1) * w + x] - lab[c][(y - 1) * w + x];
          g += gx * gx + gy * gy;
        }
        if (g < bestG) {
          bestG = g;
          best = y * w + x;
        }
      }
    }
    return best;
  }

  /** CIELAB (D65) planes of an sRGB image. */
  static float[][] toLab(RgbImage image) {
    int n = image.width() * image.height();
    float[] rgb = image.planes();
    float[][] lab = new float[3][n];
    for (int p = 0; p < n; p++) {
      double r = linear(rgb[p]);
      double g = linear(rgb[n + p]);
      double b = linear(rgb[2 * n + p]);
      double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
      double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
      double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
      double fx = f(x);
      double fy = f(y);
      double fz = f(z);
      lab[0][p] = (float) (116 * fy - 16);
      lab[1][p] = (float) (500 * (fx - fy));
      lab[2][p] = (float) (200 * (fy - fz));
    }
    return lab;
  }

  private static double linear(double c) {
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static double f(double t) {
    return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  }

  @Override
  public String toString() {
    return "slic(" + segments + "," + compactness + ")";
  }
}
