package org.mnemosyne.api.index;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The facet values of one item: zero or more strings per categorical field and zero or more numbers
 * per numeric field. A field that is absent (or has no values) is <em>missing</em>: a missing value
 * never satisfies a positive test, so {@code NOT culture:French} matches it. Immutable.
 */
public final class ItemFacets {
  /** An item with no facet values at all. */
  public static final ItemFacets EMPTY = new ItemFacets(Map.of(), Map.of());

  private final Map<String, List<String>> categorical;
  private final Map<String, double[]> numeric;

  private ItemFacets(Map<String, List<String>> categorical, Map<String, double[]> numeric) {
    this.categorical = categorical;
    this.numeric = numeric;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The values of a categorical field; empty when missing. */
  public List<String> values(String field) {
    return categorical.getOrDefault(field, List.of());
  }

  /** The values of a numeric field (a copy); empty when missing. */
  public double[] numbers(String field) {
    double[] v = numeric.get(field);
    return v == null ? new double[0] : v.clone();
  }

  /** Whether any value of a categorical field equals {@code value}. */
  public boolean hasValue(String field, String value) {
    return values(field).contains(value);
  }

  /** Whether any value of a numeric field lies in the inclusive range (null bound = open). */
  public boolean hasNumberIn(String field, Double from, Double to) {
    double[] v = numeric.get(field);
    if (v == null) {
      return false;
    }
    for (double x : v) {
      if ((from == null || x >= from) && (to == null || x <= to)) {
        return true;
      }
    }
    return false;
  }

  /** Categorical fields present on this item, with their values. */
  public Map<String, List<String>> categorical() {
    return categorical;
  }

  /** Numeric fields present on this item (copies of the arrays). */
  public Map<String, double[]> numeric() {
    Map<String, double[]> copy = new LinkedHashMap<>();
    numeric.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ItemFacets other) || !other.categorical.equals(categorical)) {
      return false;
    }
    if (!other.numeric.keySet().equals(numeric.keySet())) {
      return false;
    }
    for (var e : numeric.entrySet()) {
      if (!Arrays.equals(e.getValue(), other.numeric.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(categorical, numeric.keySet());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ItemFacets{").append(categorical);
    numeric.forEach((k, v) -> sb.append(", ").append(k).append('=').append(Arrays.toString(v)));
    return sb.append('}').toString();
  }

  /** Collects facet values; blank strings are ignored. */
  public static final class Builder {
    private final Map<String, List<String>> categorical = new LinkedHashMap<>();
    private final Map<String, double[]> numeric = new LinkedHashMap<>();

    private Builder() {}

    /** Adds one value to a categorical field (duplicates and blanks are ignored). */
    public Builder add(String field, String value) {
      Objects.requireNonNull(field, "field");
      if (value != null && !value.isBlank()) {
        List<String> values = categorical.computeIfAbsent(field, f -> new java.util.ArrayList<>());
        if (!values.contains(value)) {
          values.add(value);
        }
      }
      return this;
    }

    /** Adds one number to a numeric field (NaN is ignored). */
    public Builder add(String field, double number) {
      Objects.requireNonNull(field, "field");
      if (!Double.isNaN(number)) {
        double[] old = numeric.getOrDefault(field, new double[0]);
        double[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = number;
        numeric.put(field, grown);
      }
      return this;
    }

    /** Builds an immutable value. */
    public ItemFacets build() {
      Map<String, List<String>> c = new LinkedHashMap<>();
      categorical.forEach((k, v) -> c.put(k, List.copyOf(v)));
      Map<String, double[]> n = new LinkedHashMap<>();
      numeric.forEach((k, v) -> n.put(k, v.clone()));
      return new ItemFacets(
          java.util.Collections.unmodifiableMap(c), java.util.Collections.unmodifiableMap(n));
    }
  }
}
