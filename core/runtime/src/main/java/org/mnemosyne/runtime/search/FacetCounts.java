package org.mnemosyne.runtime.search;

import java.util.List;
import java.util.Optional;

/**
 * Facet counts among the items matching a condition.
 *
 * @param matching how many items match
 * @param fields categorical fields, in schema order
 * @param ranges numeric fields that have values among the matching items, in schema order
 */
public record FacetCounts(int matching, List<Field> fields, List<Range> ranges) {
  /** Copies the lists. */
  public FacetCounts {
    fields = List.copyOf(fields);
    ranges = List.copyOf(ranges);
  }

  /** The counts of one categorical field, if it is in the schema. */
  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * The values of one categorical field.
   *
   * @param name field name
   * @param values values with counts, largest first
   * @param more how many further values were left out
   */
  public record Field(String name, List<Value> values, int more) {
    /** Copies the list. */
    public Field {
      values = List.copyOf(values);
    }
  }

  /**
   * One value and how many matching items have it.
   *
   * @param value the value's label (what a condition names)
   * @param count matching items with the value
   */
  public record Value(String value, int count) {}

  /**
   * The span of a numeric field among the matching items.
   *
   * @param name field name
   * @param min smallest value
   * @param max largest value
   */
  public record Range(String name, double min, double max) {}
}
