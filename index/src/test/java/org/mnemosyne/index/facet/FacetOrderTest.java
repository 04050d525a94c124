package org.mnemosyne.index.facet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.ItemFacets;

class FacetOrderTest {
  private static final FacetSchema SCHEMA =
      FacetSchema.of(
          FacetField.categorical("culture", false),
          FacetField.numeric("year"),
          FacetField.categorical("medium", true));

  /**
   * The order is a permutation of the rows, sorted field by field (first value of each field,
   * missing values last) and stable: a naive comparison of every neighbouring pair agrees.
   */
  @Test
  void sortsByFacetValuesInSchemaOrderAndKeepsTies() {
    Random rnd = new Random(3);
    int n = 2000;
    List<ItemFacets> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ItemFacets.Builder f = ItemFacets.builder();
      if (rnd.nextInt(10) > 0) {
        f.add("culture", "c" + rnd.nextInt(6));
      }
      if (rnd.nextInt(10) > 0) {
        f.add("year", 1500 + rnd.nextInt(4) * 0.5);
      }
      for (int m = rnd.nextInt(3); m > 0; m--) {
        f.add("medium", "m" + rnd.nextInt(5));
      }
      items.add(f.build());
    }
    FacetColumns facets = FacetColumns.of(SCHEMA, items);
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = (i * 7919) % n; // a permutation (7919 is prime, n is not its multiple)
    }
    int[] before = rows.clone();
    int[] sorted = FacetOrder.sort(facets, rows);
    assertArrayEquals(before, rows, "input not modified");
    int[] a = sorted.clone();
    int[] b = rows.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    assertArrayEquals(b, a, "a permutation of the rows");
    int[] inputPosition = new int[n];
    for (int p = 0; p < n; p++) {
      inputPosition[rows[p]] = p;
    }
    for (int p = 1; p < n; p++) {
      int c = compare(facets, items.get(sorted[p - 1]), items.get(sorted[p]));
      assertTrue(c <= 0, "sorted at " + p);
      if (c == 0) {
        assertTrue(inputPosition[sorted[p - 1]] < inputPosition[sorted[p]], "stable at " + p);
      }
    }
  }

  /** Items of one value are contiguous after sorting, whatever their input positions. */
  @Test
  void groupsTheItemsOfAValue() {
    List<ItemFacets> items = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      items.add(ItemFacets.builder().add("culture", "c" + (i % 3)).build());
    }
    FacetColumns facets = FacetColumns.of(SCHEMA, items);
    int[] rows = new int[300];
    for (int i = 0; i < 300; i++) {
      rows[i] = i;
    }
    int[] sorted = FacetOrder.sort(facets, rows);
    for (int p = 0; p < 300; p++) {
      assertEquals(p / 100, sorted[p] % 3, "runs of one value at " + p);
    }
  }

  /** The naive comparison: first values field by field, a missing value after present ones. */
  private static int compare(FacetColumns facets, ItemFacets x, ItemFacets y) {
    int c = compareFirst(facets.categorical("culture"), x.values("culture"), y.values("culture"));
    if (c != 0) {
      return c;
    }
    double[] nx = x.numbers("year");
    double[] ny = y.numbers("year");
    c =
        Double.compare(
            nx.length == 0 ? Double.POSITIVE_INFINITY : nx[0],
            ny.length == 0 ? Double.POSITIVE_INFINITY : ny[0]);
    return c != 0
        ? c
        : compareFirst(facets.categorical("medium"), x.values("medium"), y.values("medium"));
  }

  /** By the column's dictionary ids of the first values; a missing value last. */
  private static int compareFirst(CategoricalColumn column, List<String> x, List<String> y) {
    if (x.isEmpty() || y.isEmpty()) {
      return Boolean.compare(x.isEmpty(), y.isEmpty());
    }
    return Integer.compare(column.id(x.get(0)).getAsInt(), column.id(y.get(0)).getAsInt());
  }
}
