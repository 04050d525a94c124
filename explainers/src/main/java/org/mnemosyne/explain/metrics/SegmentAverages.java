package org.mnemosyne.explain.metrics;

import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segments;

/**
 * Carries a first-order map over to another segmentation of the same image: each new segment gets
 * the mean of the map's pixel values over its pixels. With the map's own segmentation this is the
 * identity; it lets maps computed on different units (a 3 x 3 exact explanation, a 4 x 4 sampled
 * one) be scored by the same deletion and insertion curves. Stateless; thread-safe.
 */
public final class SegmentAverages {
  private SegmentAverages() {}

  /**
   * The per-segment means.
   *
   * @param map a map of the image
   * @param onto another segmentation of the same image
   * @return one value per segment of {@code onto}
   * @throws IllegalArgumentException if the image sizes differ
   */
  public static double[] of(SegmentAttribution map, Segments onto) {
    Segments from = map.segments();
    if (from.width() != onto.width() || from.height() != onto.height()) {
      throw new IllegalArgumentException("both segmentations must be of the same image size");
    }
    double[] pixels = map.pixelMap();
    int[] labels = onto.labels();
    double[] sum = new double[onto.count()];
    int[] count = new int[onto.count()];
    for (int i = 0; i < labels.length; i++) {
      sum[labels[i]] += pixels[i];
      count[labels[i]]++;
    }
    for (int s = 0; s < sum.length; s++) {
      sum[s] /= count[s];
    }
    return sum;
  }
}
