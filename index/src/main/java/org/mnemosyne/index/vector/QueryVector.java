package org.mnemosyne.index.vector;

import java.util.Arrays;
import java.util.Objects;

/**
 * A validated query vector with what the kernels need: the values zero-padded to a multiple of 64
 * (the canonical dot product reads the first {@code dimension}, the quantised kernels all) and an
 * upper bound on its L2 norm. When the dimension is already a multiple of 64 the caller's array is
 * used as it is (no copy on the hot path): callers must not modify it during the search.
 *
 * @param padded the query values followed by zeros; never modified
 * @param dimension the number of query values
 * @param norm an upper bound on the L2 norm, positive
 */
public record QueryVector(float[] padded, int dimension, float norm) {

  /**
   * Checks and prepares a query.
   *
   * @param query the query vector
   * @param dimension the index's dimension
   * @return the prepared query
   * @throws IllegalArgumentException if the query is empty, has another dimension, contains NaN or
   *     an infinite value, or is all zeros
   * @throws NullPointerException if {@code query} is null
   */
  public static QueryVector of(float[] query, int dimension) {
    Objects.requireNonNull(query, "query");
    if (query.length == 0) {
      throw new IllegalArgumentException("the query vector is empty");
    }
    if (query.length != dimension) {
      throw new IllegalArgumentException(
          "the query has dimension " + query.length + ", the index has " + dimension);
    }
    double norm2 = 0;
    for (int j = 0; j < query.length; j++) {
      float v = query[j];
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("query component " + j + " is " + v);
      }
      norm2 += (double) v * v;
    }
    if (norm2 == 0) {
      throw new IllegalArgumentException("the query vector is all zeros");
    }
    float norm = Math.nextUp((float) (Math.sqrt(norm2) * (1 + 1e-9)));
    int padded = QuantizedVectors.paddedLength(query.length);
    return new QueryVector(
        padded == query.length ? query : Arrays.copyOf(query, padded), query.length, norm);
  }

  /**
   * Checks an item vector before it is indexed.
   *
   * @throws IllegalArgumentException on another dimension or a NaN or infinite component
   */
  public static void checkItem(long id, float[] vector, int dimension) {
    if (vector.length != dimension) {
      throw new IllegalArgumentException(
          "item " + id + " has dimension " + vector.length + ", the index has " + dimension);
    }
    for (int j = 0; j < vector.length; j++) {
      if (!Float.isFinite(vector[j])) {
        throw new IllegalArgumentException(
            "item " + id + " has a non-finite component " + j + ": " + vector[j]);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueryVector other && Arrays.equals(other.padded, padded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(padded);
  }

  @Override
  public String toString() {
    return "QueryVector[d=" + dimension + ", norm<=" + norm + "]";
  }
}
