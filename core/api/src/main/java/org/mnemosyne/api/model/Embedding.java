package org.mnemosyne.api.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One embedding vector with the model that made it. Immutable.
 *
 * @param modelId {@link ModelInfo#id()} of the producing model
 * @param modelVersion {@link ModelInfo#version()} of the producing model
 * @param vector the L2-normalised vector (defensively copied)
 */
public record Embedding(String modelId, String modelVersion, float[] vector) {

  /** Validates and copies. */
  public Embedding {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelVersion, "modelVersion");
    vector = vector.clone();
  }

  /** A copy of the vector. */
  @Override
  public float[] vector() {
    return vector.clone();
  }

  /** Vector length. */
  public int dimension() {
    return vector.length;
  }

  /** Cosine similarity (the dot product, since both are normalised) with another embedding. */
  public double dot(Embedding other) {
    if (other.vector.length != vector.length) {
      throw new IllegalArgumentException("dimension mismatch");
    }
    double s = 0;
    for (int i = 0; i < vector.length; i++) {
      s += (double) vector[i] * other.vector[i];
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Embedding e
        && e.modelId.equals(modelId)
        && e.modelVersion.equals(modelVersion)
        && Arrays.equals(e.vector, vector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelId, modelVersion, Arrays.hashCode(vector));
  }

  @Override
  public String toString() {
    return "Embedding[" + modelId + "@" + modelVersion + ", d=" + vector.length + "]";
  }
}
