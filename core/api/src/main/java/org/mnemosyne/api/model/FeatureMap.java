package org.mnemosyne.api.model;

import java.util.Objects;

/**
 * A spatial feature map, channels x height x width, row-major per channel. Immutable.
 *
 * @param modelId {@link ModelInfo#id()} of the producing model
 * @param channels number of channels
 * @param height map height (cells)
 * @param width map width (cells)
 * @param values {@code channels * height * width} values (defensively copied)
 */
public record FeatureMap(String modelId, int channels, int height, int width, float[] values) {

  /** Validates and copies. */
  public FeatureMap {
    Objects.requireNonNull(modelId, "modelId");
    if ((long) channels * height * width != values.length) {
      throw new IllegalArgumentException("values length does not match channels*height*width");
    }
    values = values.clone();
  }

  /** A copy of the values. */
  @Override
  public float[] values() {
    return values.clone();
  }

  /** The value at channel {@code c}, cell ({@code y}, {@code x}). */
  public float get(int c, int y, int x) {
    return values[(c * height + y) * width + x];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureMap f
        && f.modelId.equals(modelId)
        && f.channels == channels
        && f.height == height
        && f.width == width
        && java.util.Arrays.equals(f.values, values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelId, channels, height, width, java.util.Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "FeatureMap[" + modelId + ", " + channels + "x" + height + "x" + width + "]";
  }
}
