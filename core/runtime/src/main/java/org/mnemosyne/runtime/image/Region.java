package org.mnemosyne.runtime.image;

import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A rectangle of an image in relative coordinates (fractions of its width and height), so that it
 * means the same region on the full image, a display derivative and a thumbnail: search by detail.
 *
 * @param x left edge, in [0, 1)
 * @param y top edge, in [0, 1)
 * @param width width, in (0, 1 - x]
 * @param height height, in (0, 1 - y]
 */
public record Region(double x, double y, double width, double height) {
  /** Smallest side of a region, as a fraction of the image side. */
  public static final double MIN_SIDE = 0.02;

  private static final double SLACK = 1e-9;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the rectangle is not inside the image or is too small
   */
  public Region {
    if (!(x >= 0 && y >= 0 && x < 1 && y < 1)) {
      throw new IllegalArgumentException("region must start inside the image (0 <= x, y < 1)");
    }
    if (!(width >= MIN_SIDE && height >= MIN_SIDE)) {
      throw new IllegalArgumentException(
          "region must be at least " + MIN_SIDE + " of the image on each side");
    }
    if (x + width > 1 + SLACK || y + height > 1 + SLACK) {
      throw new IllegalArgumentException("region must end inside the image (x + w, y + h <= 1)");
    }
  }

  /**
   * Reads {@code x,y,w,h} (four decimals separated by commas), as written by {@link #toString}.
   *
   * @throws IllegalArgumentException with the reason, for anything else
   */
  public static Region parse(String text) {
    String[] parts = text.trim().split(",", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("region must be four numbers x,y,w,h between 0 and 1");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("region: '" + parts[i].trim() + "' is not a number");
      }
    }
    return new Region(v[0], v[1], Math.min(v[2], 1 - v[0]), Math.min(v[3], 1 - v[1]));
  }

  /** The region of {@code image}, as a copy (at least one pixel each way). */
  public BufferedImage crop(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int left = Math.min(w - 1, (int) Math.floor(x * w));
    int top = Math.min(h - 1, (int) Math.floor(y * h));
    int right = Math.max(left + 1, Math.min(w, (int) Math.ceil((x + width) * w)));
    int bottom = Math.max(top + 1, Math.min(h, (int) Math.ceil((y + height) * h)));
    BufferedImage out = new BufferedImage(right - left, bottom - top, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image.getSubimage(left, top, right - left, bottom - top), 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** {@code x,y,w,h} with four decimals: the URL form. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", x, y, width, height);
  }
}
