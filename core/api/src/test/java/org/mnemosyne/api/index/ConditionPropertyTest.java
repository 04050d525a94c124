package org.mnemosyne.api.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnemosyne.api.index.ConditionTestSupport.SCHEMA;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomized properties over seeded random condition trees and items. */
class ConditionPropertyTest {
  private static final int TREES = 2_000;
  private static final int ITEMS = 40;

  private static final String[] CATEGORICAL = {"culture", "medium", "collection"};
  private static final String[] VALUES = {
    "French",
    "Dutch",
    "oil",
    "oil on canvas",
    "a\"b\\c",
    "and",
    "NOT",
    "Français",
    "日本",
    "🎨 art",
    "x*y",
    " padded ",
    "new\nline",
    "u\u2028v",
    "1650",
    "O'Keeffe",
    "(paren)",
    "colon:value",
    "-dash",
  };
  private static final double[] NUMBERS = {
    -1e20, -12.5, -1, 0, 0.1, 1.5e-7, 1600, 1650, 1650.25, 1700, 1800, 123456789.125, 1e20
  };

  /** Generates trees in the form parse produces: groups of two or more children. */
  private static Condition tree(Random rnd, int depth, boolean degenerate) {
    int pick = rnd.nextInt(depth <= 0 ? 3 : 7);
    switch (pick) {
      case 0:
        return Condition.term(
            CATEGORICAL[rnd.nextInt(CATEGORICAL.length)], VALUES[rnd.nextInt(VALUES.length)]);
      case 1:
        {
          Double a = rnd.nextInt(4) == 0 ? null : NUMBERS[rnd.nextInt(NUMBERS.length)];
          Double b = rnd.nextInt(4) == 0 ? null : NUMBERS[rnd.nextInt(NUMBERS.length)];
          if (a != null && b != null && a > b) {
            Double swap = a;
            a = b;
            b = swap;
          }
          if (rnd.nextInt(4) == 0) {
            b = a; // exact values, printed as year:1650 (or year:[* TO *] when null)
          }
          return Condition.range("year", a, b);
        }
      case 2:
        return rnd.nextInt(4) == 0 ? Condition.not(Condition.ALL) : Condition.ALL;
      case 3:
      case 4:
        return Condition.not(tree(rnd, depth - 1, degenerate));
      default:
        {
          int min = degenerate ? 0 : 2;
          int n = min + rnd.nextInt(3);
          List<Condition> children = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            // duplicates on purpose, to exercise normalisation
            children.add(
                i > 0 && rnd.nextInt(5) == 0
                    ? children.get(rnd.nextInt(i))
                    : tree(rnd, depth - 1, degenerate));
          }
          return pick == 5 ? Condition.and(children) : Condition.or(children);
        }
    }
  }

  private static ItemFacets item(Random rnd) {
    ItemFacets.Builder b = ItemFacets.builder();
    for (String field : CATEGORICAL) {
      int n = rnd.nextInt(3);
      for (int i = 0; i < n; i++) {
        b.add(field, VALUES[rnd.nextInt(VALUES.length)]);
      }
    }
    int years = rnd.nextInt(3);
    for (int i = 0; i < years; i++) {
      b.add(
          "year",
          rnd.nextBoolean() ? NUMBERS[rnd.nextInt(NUMBERS.length)] : rnd.nextInt(400) + 1500);
    }
    return b.build();
  }

  private static List<ItemFacets> items(Random rnd) {
    List<ItemFacets> items = new ArrayList<>();
    items.add(ItemFacets.EMPTY);
    for (int i = 1; i < ITEMS; i++) {
      items.add(item(rnd));
    }
    return items;
  }

  private static void assertSameMatches(Condition expected, Condition actual, List<ItemFacets> xs) {
    for (ItemFacets x : xs) {
      assertEquals(expected.test(x), actual.test(x), () -> expected + " vs " + actual + " on " + x);
    }
  }

  @Test
  void queryTextRoundTrips() {
    Random rnd = new Random(20240611L);
    int parsed = 0;
    for (int i = 0; i < TREES; i++) {
      Condition c = tree(rnd, 5, false);
      String text = c.toQueryString();
      if (text.length() > Condition.MAX_TEXT_LENGTH) {
        continue; // rare: too big for the text limit
      }
      parsed++;
      assertEquals(c, Condition.parse(text, SCHEMA), text);
    }
    assertTrue(parsed > TREES * 9 / 10, "too many skipped: " + parsed);
  }

  @Test
  void jsonRoundTripsEvenForDegenerateGroups() {
    Random rnd = new Random(7L);
    for (int i = 0; i < TREES; i++) {
      Condition c = tree(rnd, 5, true);
      String json = c.toJson();
      assertEquals(c, Condition.fromJson(json, SCHEMA), json);
    }
  }

  @Test
  void degenerateGroupsPrintAsEquivalentText() {
    Random rnd = new Random(99L);
    List<ItemFacets> items = items(rnd);
    for (int i = 0; i < TREES / 4; i++) {
      Condition c = tree(rnd, 4, true);
      if (c.toQueryString().length() > Condition.MAX_TEXT_LENGTH) {
        continue;
      }
      Condition back = Condition.parse(c.toQueryString(), SCHEMA);
      assertSameMatches(c, back, items);
      assertEquals(c.normalize(), back.normalize(), c::toString);
    }
  }

  @Test
  void normalizeIsIdempotentAndPreservesMatches() {
    Random rnd = new Random(424242L);
    List<ItemFacets> items = items(rnd);
    for (int i = 0; i < TREES; i++) {
      Condition c = tree(rnd, 5, rnd.nextBoolean());
      Condition n = c.normalize();
      assertEquals(n, n.normalize(), c::toString);
      assertSameMatches(c, n, items);
      assertTrue(c.fields().containsAll(n.fields()));
      // the canonical form also survives both serialisations exactly
      if (n.toQueryString().length() <= Condition.MAX_TEXT_LENGTH) {
        assertEquals(n, Condition.parse(n.toQueryString(), SCHEMA), n::toQueryString);
      }
      assertEquals(n, Condition.fromJson(n.toJson(), SCHEMA), n::toJson);
    }
  }

  @Test
  void normalizeIgnoresChildOrderAndRegrouping() {
    Random rnd = new Random(1234L);
    for (int i = 0; i < TREES; i++) {
      Condition c = tree(rnd, 4, false);
      Condition shuffled = shuffle(c, rnd);
      assertEquals(c.normalize(), shuffled.normalize(), () -> c + " vs " + shuffled);
    }
  }

  /** Shuffles children and regroups AND/OR chains at random, preserving meaning. */
  private static Condition shuffle(Condition c, Random rnd) {
    if (c instanceof Condition.Not n) {
      Condition inner = shuffle(n.child(), rnd);
      return rnd.nextInt(4) == 0
          ? Condition.not(Condition.not(Condition.not(inner)))
          : Condition.not(inner);
    }
    boolean and = c instanceof Condition.And;
    if (!and && !(c instanceof Condition.Or)) {
      return c;
    }
    List<Condition> children =
        new ArrayList<>(and ? ((Condition.And) c).children() : ((Condition.Or) c).children());
    children.replaceAll(child -> shuffle(child, rnd));
    Collections.shuffle(children, rnd);
    if (children.size() > 2 && rnd.nextBoolean()) {
      // regroup the first two into their own nested group of the same kind
      Condition pair =
          and
              ? Condition.and(children.get(0), children.get(1))
              : Condition.or(children.get(0), children.get(1));
      children.subList(0, 2).clear();
      children.add(pair);
    }
    if (rnd.nextInt(4) == 0) {
      children.add(children.get(0)); // a duplicate
    }
    if (rnd.nextInt(4) == 0) {
      children.add(and ? Condition.ALL : Condition.not(Condition.ALL)); // a neutral element
    }
    return and ? Condition.and(children) : Condition.or(children);
  }
}
