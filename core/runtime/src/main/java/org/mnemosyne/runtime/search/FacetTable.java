package org.mnemosyne.runtime.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.FacetType;
import org.mnemosyne.api.index.ItemFacets;

/**
 * The facets of every indexed item, in ascending id order, for what an index does not answer: which
 * items match a condition (browsing without a query image) and how many matching items have each
 * facet value (the live counts of the condition builder). Immutable and thread-safe; a linear pass
 * per question, which is microseconds per thousand items.
 */
public final class FacetTable {
  private final FacetSchema schema;
  private final long[] ids;
  private final ItemFacets[] facets;

  private FacetTable(FacetSchema schema, long[] ids, ItemFacets[] facets) {
    this.schema = schema;
    this.ids = ids;
    this.facets = facets;
  }

  /** An empty table. */
  public static FacetTable empty(FacetSchema schema) {
    return new FacetTable(schema, new long[0], new ItemFacets[0]);
  }

  /** A builder; items may be added in any order. */
  public static Builder builder(FacetSchema schema) {
    return new Builder(schema);
  }

  /** The facet schema. */
  public FacetSchema schema() {
    return schema;
  }

  /** Number of items. */
  public int size() {
    return ids.length;
  }

  /** The facets of an item, if it is in the table. */
  public Optional<ItemFacets> facets(long id) {
    int i = Arrays.binarySearch(ids, id);
    return i < 0 ? Optional.empty() : Optional.of(facets[i]);
  }

  /** How many items match. */
  public int count(Condition condition) {
    int n = 0;
    for (ItemFacets f : facets) {
      if (condition.test(f)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The ids of matching items in ascending order, skipping the first {@code offset} matches.
   *
   * @param limit at most this many ids
   */
  public long[] matching(Condition condition, int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
    long[] out = new long[Math.min(limit, ids.length)];
    int n = 0;
    int skipped = 0;
    for (int i = 0; i < ids.length && n < out.length; i++) {
      if (condition.test(facets[i])) {
        if (skipped < offset) {
          skipped++;
        } else {
          out[n++] = ids[i];
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Facet counts among the items that match {@code condition}: for every categorical field, its
   * values with their counts (largest first, then by label; at most {@code maxValues}, the number
   * of values left out is reported); for every numeric field, the smallest and largest value.
   */
  public FacetCounts counts(Condition condition, int maxValues) {
    Map<String, Map<String, Integer>> byField = new LinkedHashMap<>();
    Map<String, double[]> ranges = new LinkedHashMap<>();
    for (FacetField f : schema.fields()) {
      if (f.type() == FacetType.CATEGORICAL) {
        byField.put(f.name(), new HashMap<>());
      }
    }
    int total = 0;
    for (ItemFacets item : facets) {
      if (!condition.test(item)) {
        continue;
      }
      total++;
      for (var e : byField.entrySet()) {
        for (String v : item.values(e.getKey())) {
          e.getValue().merge(v, 1, Integer::sum);
        }
      }
      for (FacetField f : schema.fields()) {
        if (f.type() == FacetType.NUMERIC) {
          for (double x : item.numbers(f.name())) {
            double[] r = ranges.computeIfAbsent(f.name(), k -> new double[] {x, x});
            r[0] = Math.min(r[0], x);
            r[1] = Math.max(r[1], x);
          }
        }
      }
    }
    List<FacetCounts.Field> fields = new ArrayList<>();
    for (var e : byField.entrySet()) {
      List<FacetCounts.Value> values = new ArrayList<>();
      e.getValue().forEach((v, n) -> values.add(new FacetCounts.Value(v, n)));
      values.sort(
          Comparator.comparingInt(FacetCounts.Value::count)
              .reversed()
              .thenComparing(FacetCounts.Value::value));
      int shown = Math.min(maxValues, values.size());
      fields.add(
          new FacetCounts.Field(e.getKey(), values.subList(0, shown), values.size() - shown));
    }
    List<FacetCounts.Range> numeric = new ArrayList<>();
    ranges.forEach((f, r) -> numeric.add(new FacetCounts.Range(f, r[0], r[1])));
    return new FacetCounts(total, fields, numeric);
  }

  /** Collects items. Not thread-safe. */
  public static final class Builder {
    private final FacetSchema schema;
    private final Map<Long, ItemFacets> items = new HashMap<>();

    private Builder(FacetSchema schema) {
      this.schema = schema;
    }

    /**
     * Adds (or replaces) an item.
     *
     * @return this builder
     */
    public Builder add(long id, ItemFacets facets) {
      items.put(id, facets);
      return this;
    }

    /** The table. */
    public FacetTable build() {
      long[] ids = items.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
      ItemFacets[] f = new ItemFacets[ids.length];
      for (int i = 0; i < ids.length; i++) {
        f[i] = items.get(ids[i]);
      }
      return new FacetTable(schema, ids, f);
    }
  }
}
