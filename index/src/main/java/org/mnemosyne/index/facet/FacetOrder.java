package org.mnemosyne.index.facet;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetType;

/**
 * An order of items in which items that share facet values are contiguous: a condition on a value
 * then selects long runs of consecutive items rather than scattered ones (a layout clustered on the
 * facets, as a table clustered on an index).
 */
public final class FacetOrder {
  private FacetOrder() {}

  /**
   * {@code rows} stably sorted by their facet values, compared field by field in schema order: a
   * categorical field by the dictionary id of the item's first value, a numeric field by its first
   * value, a missing value after every present one. Items with equal values keep their order in
   * {@code rows}.
   *
   * @param facets the items' facets, indexed by ordinal
   * @param rows ordinals (not modified)
   * @return a new array with the same ordinals
   */
  public static int[] sort(FacetColumns facets, int[] rows) {
    List<FacetField> fields = facets.schema().fields();
    double[][] keys = new double[fields.size()][];
    for (int f = 0; f < keys.length; f++) {
      keys[f] = keys(facets, fields.get(f));
    }
    Integer[] positions = new Integer[rows.length];
    for (int p = 0; p < rows.length; p++) {
      positions[p] = p;
    }
    Comparator<Integer> byFacets =
        (a, b) -> {
          for (double[] key : keys) {
            int c = Double.compare(key[rows[a]], key[rows[b]]);
            if (c != 0) {
              return c;
            }
          }
          return Integer.compare(a, b);
        };
    Arrays.sort(positions, byFacets);
    int[] sorted = new int[rows.length];
    for (int p = 0; p < rows.length; p++) {
      sorted[p] = rows[positions[p]];
    }
    return sorted;
  }

  /** Per ordinal, the sort key of one field (positive infinity when the value is missing). */
  private static double[] keys(FacetColumns facets, FacetField field) {
    double[] key = new double[facets.size()];
    Arrays.fill(key, Double.POSITIVE_INFINITY);
    if (field.type() == FacetType.CATEGORICAL) {
      CategoricalColumn c = facets.categorical(field.name());
      for (int o = 0; o < key.length; o++) {
        if (c.rowStart(o) < c.rowEnd(o)) {
          key[o] = c.valueIdAt(c.rowStart(o));
        }
      }
    } else {
      NumericColumn c = facets.numeric(field.name());
      for (int o = 0; o < key.length; o++) {
        if (c.rowStart(o) < c.rowEnd(o)) {
          key[o] = c.valueAt(c.rowStart(o));
        }
      }
    }
    return key;
  }
}
