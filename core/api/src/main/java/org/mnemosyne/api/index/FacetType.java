package org.mnemosyne.api.index;

/** The two kinds of facet a {@link Condition} can test. */
public enum FacetType {
  /** A dictionary of string values (culture, medium, collection...); tested with terms. */
  CATEGORICAL,
  /** A number (year...); tested with inclusive ranges, a term on it means an exact value. */
  NUMERIC
}
