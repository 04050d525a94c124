package org.mnemosyne.runtime.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.mnemosyne.api.explain.JointAttribution;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.image.RgbImage;

/**
 * Draws attributions over images. Colours are diverging and symmetric around zero — red for
 * segments that raise the similarity, blue for those that lower it, transparent for zero — scaled
 * by the largest absolute value, which a legend bar states in numbers (never colour alone).
 */
public final class HeatmapRenderer {
  private static final int LEGEND = 28;

  private HeatmapRenderer() {}

  /** The image with the map blended over it at {@code opacity} (0..1), and a numeric legend. */
  public static BufferedImage overlay(RgbImage image, SegmentAttribution map, double opacity) {
    Segments seg = map.segments();
    if (seg.width() != image.width() || seg.height() != image.height()) {
      throw new IllegalArgumentException("map and image sizes differ");
    }
    double[] values = map.values();
    double scale = maxAbs(values);
    int w = image.width();
    int h = image.height();
    BufferedImage out = new BufferedImage(w, h + LEGEND, BufferedImage.TYPE_INT_RGB);
    int[] base = image.toPackedRgb();
    int[] labels = seg.labels();
    for (int i = 0; i < w * h; i++) {
      double v = scale == 0 ? 0 : values[labels[i]] / scale;
      out.setRGB(i % w, i / w, blend(base[i], colour(v), opacity * Math.abs(v)));
    }
    drawLegend(out, 0, h, w, scale);
    return out;
  }

  /**
   * Query and target side by side, with lines between the centres of the most strongly interacting
   * segment pairs (red positive, blue negative; width by strength), top {@code pairs}.
   */
  public static BufferedImage correspondence(
      RgbImage query, RgbImage target, JointAttribution joint, int pairs) {
    int gap = 16;
    int w = query.width() + gap + target.width();
    int h = Math.max(query.height(), target.height());
    BufferedImage out = new BufferedImage(w, h + LEGEND, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h + LEGEND);
      g.drawImage(toImage(query), 0, 0, null);
      g.drawImage(toImage(target), query.width() + gap, 0, null);
      double[][] m = joint.interactions();
      double scale = 0;
      for (double[] row : m) {
        scale = Math.max(scale, maxAbs(row));
      }
      double[][] qc = centres(joint.querySegments());
      double[][] tc = centres(joint.targetSegments());
      int rows = m.length;
      int cols = rows == 0 ? 0 : m[0].length;
      Integer[] order = new Integer[rows * cols];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(
          order,
          (a, b) ->
              Double.compare(Math.abs(m[b / cols][b % cols]), Math.abs(m[a / cols][a % cols])));
      for (int k = Math.min(pairs, order.length) - 1; k >= 0; k--) {
        int q = order[k] / cols;
        int t = order[k] % cols;
        double v = scale == 0 ? 0 : m[q][t] / scale;
        g.setColor(new Color(colour(v)));
        g.setStroke(new BasicStroke((float) (1 + 5 * Math.abs(v))));
        g.drawLine(
            (int) qc[q][0], (int) qc[q][1], query.width() + gap + (int) tc[t][0], (int) tc[t][1]);
      }
    } finally {
      g.dispose();
    }
    drawLegend(out, 0, h, w, maxAbsMatrix(joint));
    return out;
  }

  private static double maxAbsMatrix(JointAttribution joint) {
    double s = 0;
    for (double[] row : joint.interactions()) {
      s = Math.max(s, maxAbs(row));
    }
    return s;
  }

  private static double[][] centres(Segments seg) {
    double[][] c = new double[seg.count()][3];
    int[] labels = seg.labels();
    for (int i = 0; i < labels.length; i++) {
      c[labels[i]][0] += i % seg.width() + 0.5;
      c[labels[i]][1] += i / seg.width() + 0.5;
      c[labels[i]][2]++;
    }
    for (double[] p : c) {
      p[0] /= p[2];
      p[1] /= p[2];
    }
    return c;
  }

  private static BufferedImage toImage(RgbImage img) {
    return org.mnemosyne.runtime.image.ImageResizer.toBufferedImage(img);
  }

  private static void drawLegend(BufferedImage out, int x, int y, int w, double scale) {
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(x, y, w, LEGEND);
      int bar = Math.max(10, w - 120);
      for (int i = 0; i < bar; i++) {
        g.setColor(new Color(colour(2.0 * i / (bar - 1) - 1)));
        g.fillRect(x + 60 + i, y + 4, 1, 10);
      }
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      g.drawString(String.format("-%.3g", scale), x + 2, y + 13);
      g.drawString(String.format("+%.3g", scale), x + 62 + bar, y + 13);
      g.drawString("0", x + 60 + bar / 2 - 3, y + 25);
    } finally {
      g.dispose();
    }
  }

  /** Diverging colour for v in [-1, 1]: blue, white, red. */
  static int colour(double v) {
    double a = Math.max(-1, Math.min(1, v));
    int r;
    int g;
    int b;
    if (a >= 0) {
      r = 255;
      g = (int) Math.round(255 * (1 - a));
      b = g;
    } else {
      b = 255;
      r = (int) Math.round(255 * (1 + a));
      g = r;
    }
    return (r << 16) | (g << 8) | b;
  }

  private static int blend(int base, int over, double alpha) {
    double a = Math.max(0, Math.min(1, alpha));
    int r = (int) Math.round(((base >> 16) & 0xff) * (1 - a) + ((over >> 16) & 0xff) * a);
    int g = (int) Math.round(((base >> 8) & 0xff) * (1 - a) + ((over >> 8) & 0xff) * a);
    int b = (int) Math.round((base & 0xff) * (1 - a) + (over & 0xff) * a);
    return (r << 16) | (g << 8) | b;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
