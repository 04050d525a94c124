package org.mnemosyne.api.explain;

import java.util.Arrays;

/**
 * A partition of an image's pixels into numbered segments (the players). Immutable.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param count number of segments; labels are 0 .. count-1 and each occurs
 * @param labels segment of each pixel, row-major (defensively copied)
 */
public record Segments(int width, int height, int count, int[] labels) {

  /** Validates and copies. */
  public Segments {
    if (width <= 0 || height <= 0 || labels.length != width * height) {
      throw new IllegalArgumentException("labels must have width*height entries");
    }
    boolean[] seen = new boolean[Math.max(count, 0)];
    for (int l : labels) {
      if (l < 0 || l >= count) {
        throw new IllegalArgumentException("label " + l + " outside 0.." + (count - 1));
      }
      seen[l] = true;
    }
    for (int s = 0; s < count; s++) {
      if (!seen[s]) {
        throw new IllegalArgumentException("segment " + s + " has no pixel");
      }
    }
    labels = labels.clone();
  }

  /** A copy of the labels. */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** The segment of pixel ({@code x}, {@code y}). */
  public int segmentAt(int x, int y) {
    return labels[y * width + x];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Segments s
        && s.width == width
        && s.height == height
        && s.count == count
        && Arrays.equals(s.labels, labels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * width + height) + count) + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "Segments[" + width + "x" + height + ", " + count + " segments]";
  }
}
