package org.mnemosyne.index.facet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.index.IndexFixtures;

class ConditionEvaluatorTest {

  @Test
  void evaluatesEveryConditionExactlyAsConditionTest() {
    Random rnd = new Random(1);
    IndexFixtures.Shape shape = new IndexFixtures.Shape(3000, 2, 12, 8, 20, false);
    List<IndexedItem> items = IndexFixtures.items(shape, rnd);
    List<ItemFacets> facets = new ArrayList<>();
    items.forEach(i -> facets.add(i.facets()));
    FacetColumns columns = FacetColumns.of(IndexFixtures.SCHEMA, facets);
    for (int t = 0; t < 400; t++) {
      Condition c = IndexFixtures.condition(shape, rnd, 4);
      int[] expected =
          IntStream.range(0, items.size()).filter(i -> c.test(facets.get(i))).toArray();
      assertArrayEquals(expected, ConditionEvaluator.evaluate(c, columns).toArray(), c.toString());
      assertArrayEquals(
          expected, ConditionEvaluator.evaluate(c.normalize(), columns).toArray(), c.toString());
    }
  }

  @Test
  void rangesUseInclusiveBoundsAndAnyOfSeveralNumbers() {
    FacetSchema schema = FacetSchema.of(org.mnemosyne.api.index.FacetField.numeric("year"));
    List<ItemFacets> facets =
        List.of(
            ItemFacets.builder().add("year", 1600).build(),
            ItemFacets.builder().add("year", 1500).add("year", 1800).build(),
            ItemFacets.EMPTY,
            ItemFacets.builder().add("year", -0.0).build(),
            ItemFacets.builder().add("year", Double.POSITIVE_INFINITY).build());
    FacetColumns columns = FacetColumns.of(schema, facets);
    assertArrayEquals(
        new int[] {0},
        ConditionEvaluator.evaluate(Condition.range("year", 1600., 1600.), columns).toArray());
    assertArrayEquals(
        new int[] {0, 1},
        ConditionEvaluator.evaluate(Condition.range("year", 1550., 1850.), columns).toArray());
    assertArrayEquals(
        new int[] {3},
        ConditionEvaluator.evaluate(Condition.range("year", 0.0, 0.0), columns).toArray());
    assertArrayEquals(
        new int[] {0, 1, 4},
        ConditionEvaluator.evaluate(Condition.range("year", 1000., null), columns).toArray());
    assertArrayEquals(
        new int[] {2},
        ConditionEvaluator.evaluate(Condition.not(Condition.range("year", null, null)), columns)
            .toArray());
    assertEquals(
        4, ConditionEvaluator.evaluate(Condition.range("year", null, null), columns).cardinality());
  }
}
