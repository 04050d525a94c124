package org.mnemosyne.api.explain;

import java.util.Arrays;
import java.util.Objects;

/**
 * A first-order map for one image: one value per segment, and the segments, so that the map can be
 * drawn aligned to the image. Immutable.
 *
 * @param segments the players
 * @param values one attribution per segment, in the units of the similarity (defensively copied)
 */
public record SegmentAttribution(Segments segments, double[] values) {

  /** Validates and copies. */
  public SegmentAttribution {
    Objects.requireNonNull(segments, "segments");
    if (values.length != segments.count()) {
      throw new IllegalArgumentException("one value per segment expected");
    }
    values = values.clone();
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The map at pixel resolution: each pixel gets its segment's value. */
  public double[] pixelMap() {
    int[] labels = segments.labels();
    double[] map = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      map[i] = values[labels[i]];
    }
    return map;
  }

  /** The sum of the values (for Shapley values: v(N) - v(empty set)). */
  public double sum() {
    return Arrays.stream(values).sum();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SegmentAttribution a
        && a.segments.equals(segments)
        && Arrays.equals(a.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * segments.hashCode() + Arrays.hashCode(values);
  }
}
