package org.mnemosyne.index.facet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.FacetType;
import org.mnemosyne.api.index.ItemFacets;

/**
 * The facets of a segment's items, one column per field of the schema. Values an item carries under
 * a name the schema does not declare, or of the other type, are not indexed; this is exactly what
 * {@link org.mnemosyne.api.index.Condition#test} sees, since a validated condition never tests
 * them. Immutable.
 */
public final class FacetColumns {
  private final FacetSchema schema;
  private final int size;
  private final Map<String, CategoricalColumn> categorical;
  private final Map<String, NumericColumn> numeric;

  /**
   * Columns from parts.
   *
   * @throws IllegalArgumentException if a schema field has no column of its type, or sizes differ
   */
  public FacetColumns(
      FacetSchema schema,
      int size,
      Map<String, CategoricalColumn> categorical,
      Map<String, NumericColumn> numeric) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.size = size;
    this.categorical = Map.copyOf(categorical);
    this.numeric = Map.copyOf(numeric);
    for (FacetField f : schema.fields()) {
      int columnSize =
          f.type() == FacetType.CATEGORICAL
              ? require(categorical.get(f.name()), f).size()
              : require(numeric.get(f.name()), f).size();
      if (columnSize != size) {
        throw new IllegalArgumentException("column " + f.name() + " has the wrong size");
      }
    }
  }

  private static <T> T require(T column, FacetField f) {
    if (column == null) {
      throw new IllegalArgumentException("no column for facet " + f.name());
    }
    return column;
  }

  /**
   * Indexes the facets of items given in ordinal order.
   *
   * @param schema the fields to index
   * @param items each item's facets
   */
  public static FacetColumns of(FacetSchema schema, List<ItemFacets> items) {
    Map<String, CategoricalColumn> categorical = new LinkedHashMap<>();
    Map<String, NumericColumn> numeric = new LinkedHashMap<>();
    for (FacetField f : schema.fields()) {
      if (f.type() == FacetType.CATEGORICAL) {
        List<List<String>> rows = new ArrayList<>(items.size());
        for (ItemFacets item : items) {
          rows.add(item.values(f.name()));
        }
        categorical.put(f.name(), CategoricalColumn.of(rows));
      } else {
        List<double[]> rows = new ArrayList<>(items.size());
        for (ItemFacets item : items) {
          rows.add(item.numbers(f.name()));
        }
        numeric.put(f.name(), NumericColumn.of(rows));
      }
    }
    return new FacetColumns(schema, items.size(), categorical, numeric);
  }

  /** The schema. */
  public FacetSchema schema() {
    return schema;
  }

  /** Number of items. */
  public int size() {
    return size;
  }

  /** The column of a categorical field of the schema. */
  public CategoricalColumn categorical(String field) {
    CategoricalColumn c = categorical.get(field);
    if (c == null) {
      throw new IllegalArgumentException("no categorical facet '" + field + "'");
    }
    return c;
  }

  /** The column of a numeric field of the schema. */
  public NumericColumn numeric(String field) {
    NumericColumn c = numeric.get(field);
    if (c == null) {
      throw new IllegalArgumentException("no numeric facet '" + field + "'");
    }
    return c;
  }

  /** The indexed facets of one item, as an {@link ItemFacets}. */
  public ItemFacets facets(int ordinal) {
    ItemFacets.Builder b = ItemFacets.builder();
    for (FacetField f : schema.fields()) {
      if (f.type() == FacetType.CATEGORICAL) {
        for (String v : categorical.get(f.name()).values(ordinal)) {
          b.add(f.name(), v);
        }
      } else {
        for (double v : numeric.get(f.name()).values(ordinal)) {
          b.add(f.name(), v);
        }
      }
    }
    return b.build();
  }
}
