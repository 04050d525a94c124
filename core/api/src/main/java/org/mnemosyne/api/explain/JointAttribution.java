package org.mnemosyne.api.explain;

import java.util.Objects;

/**
 * A second-order (joint) explanation: the interaction between every query segment and every target
 * segment — which part of the query corresponds to which part of the target. Immutable.
 *
 * @param querySegments players on the query image (rows)
 * @param targetSegments players on the target image (columns)
 * @param interactions {@code [query segment][target segment]} values (deep-copied)
 */
public record JointAttribution(
    Segments querySegments, Segments targetSegments, double[][] interactions) {

  /** Validates and copies. */
  public JointAttribution {
    Objects.requireNonNull(querySegments, "querySegments");
    Objects.requireNonNull(targetSegments, "targetSegments");
    if (interactions.length != querySegments.count()) {
      throw new IllegalArgumentException("one row per query segment expected");
    }
    double[][] copy = new double[interactions.length][];
    for (int i = 0; i < interactions.length; i++) {
      if (interactions[i].length != targetSegments.count()) {
        throw new IllegalArgumentException("one column per target segment expected");
      }
      copy[i] = interactions[i].clone();
    }
    interactions = copy;
  }

  /** A deep copy of the matrix. */
  @Override
  public double[][] interactions() {
    double[][] copy = new double[interactions.length][];
    for (int i = 0; i < interactions.length; i++) {
      copy[i] = interactions[i].clone();
    }
    return copy;
  }

  /** The interaction of query segment {@code q} with target segment {@code t}. */
  public double interaction(int q, int t) {
    return interactions[q][t];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JointAttribution j
        && j.querySegments.equals(querySegments)
        && j.targetSegments.equals(targetSegments)
        && java.util.Arrays.deepEquals(j.interactions, interactions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(querySegments, targetSegments, java.util.Arrays.deepHashCode(interactions));
  }
}
