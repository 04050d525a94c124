package org.mnemosyne.runtime.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.FacetType;
import org.mnemosyne.api.index.ItemFacets;

class FacetTableTest {
  private static final FacetSchema SCHEMA =
      FacetSchema.of(
          new FacetField("culture", FacetType.CATEGORICAL, false),
          new FacetField("medium", FacetType.CATEGORICAL, true),
          new FacetField("year", FacetType.NUMERIC, false));
  private static final String[] CULTURES = {"French", "Dutch", "Japanese"};
  private static final String[] MEDIA = {"oil", "ink", "tempera", "paper"};

  @Test
  void matchingAndCountsAgreeWithBruteForceOnRandomItemsAndConditions() {
    Random rnd = new Random(7);
    Map<Long, ItemFacets> items = new HashMap<>();
    FacetTable.Builder b = FacetTable.builder(SCHEMA);
    for (int i = 0; i < 500; i++) {
      long id = rnd.nextInt(100_000);
      ItemFacets.Builder f = ItemFacets.builder();
      if (rnd.nextInt(10) > 0) {
        f.add("culture", CULTURES[rnd.nextInt(CULTURES.length)]);
      }
      for (int m = rnd.nextInt(3); m > 0; m--) {
        f.add("medium", MEDIA[rnd.nextInt(MEDIA.length)]);
      }
      if (rnd.nextBoolean()) {
        f.add("year", 1400 + rnd.nextInt(500));
      }
      items.put(id, f.build());
      b.add(id, f.build());
    }
    FacetTable table = b.build();
    assertEquals(items.size(), table.size());
    List<String> conditions =
        List.of(
            "*",
            "culture:French",
            "medium:oil OR medium:ink",
            "NOT culture:Dutch AND year:[1500 TO 1700]",
            "year:[* TO 1450] OR (medium:paper AND NOT medium:ink)",
            "culture:Unknown");
    for (String text : conditions) {
      Condition c = Condition.parse(text, SCHEMA);
      List<Long> expected = new ArrayList<>();
      Map<String, Integer> media = new HashMap<>();
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (var e : new java.util.TreeMap<>(items).entrySet()) {
        if (c.test(e.getValue())) {
          expected.add(e.getKey());
          for (String m : e.getValue().values("medium")) {
            media.merge(m, 1, Integer::sum);
          }
          for (double y : e.getValue().numbers("year")) {
            min = Math.min(min, y);
            max = Math.max(max, y);
          }
        }
      }
      long[] all = table.matching(c, 0, Integer.MAX_VALUE);
      assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), all, text);
      assertEquals(expected.size(), table.count(c), text);
      if (expected.size() > 10) {
        assertArrayEquals(
            java.util.Arrays.copyOfRange(all, 5, 10), table.matching(c, 5, 5), "paging " + text);
      }
      FacetCounts counts = table.counts(c, 100);
      assertEquals(expected.size(), counts.matching());
      Map<String, Integer> got = new HashMap<>();
      counts.field("medium").orElseThrow().values().forEach(v -> got.put(v.value(), v.count()));
      assertEquals(media, got, text);
      List<FacetCounts.Value> ordered = counts.field("medium").orElseThrow().values();
      for (int i = 1; i < ordered.size(); i++) {
        assertTrue(ordered.get(i - 1).count() >= ordered.get(i).count(), "largest first");
      }
      if (min <= max) {
        FacetCounts.Range r = counts.ranges().get(0);
        assertEquals(min, r.min());
        assertEquals(max, r.max());
      } else {
        assertTrue(counts.ranges().isEmpty());
      }
    }
  }

  @Test
  void valuesBeyondTheLimitAreCountedAsMore() {
    FacetTable.Builder b = FacetTable.builder(SCHEMA);
    for (int i = 0; i < 4; i++) {
      b.add(i, ItemFacets.builder().add("medium", MEDIA[i]).build());
    }
    FacetCounts.Field f = b.build().counts(Condition.ALL, 3).field("medium").orElseThrow();
    assertEquals(3, f.values().size());
    assertEquals(1, f.more());
    assertTrue(FacetTable.empty(SCHEMA).facets(1).isEmpty());
  }
}
