package org.mnemosyne.api.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mnemosyne.api.index.Condition.ALL;
import static org.mnemosyne.api.index.Condition.and;
import static org.mnemosyne.api.index.Condition.not;
import static org.mnemosyne.api.index.Condition.or;
import static org.mnemosyne.api.index.ConditionTestSupport.SCHEMA;
import static org.mnemosyne.api.index.ConditionTestSupport.parse;
import static org.mnemosyne.api.index.ConditionTestSupport.r;
import static org.mnemosyne.api.index.ConditionTestSupport.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionTest {
  private static final ItemFacets FRENCH_OIL_1650 =
      ItemFacets.builder()
          .add("culture", "French")
          .add("medium", "oil")
          .add("medium", "tempera")
          .add("year", 1650)
          .add("collection", "paintings")
          .build();
  private static final ItemFacets DUTCH_1700 =
      ItemFacets.builder().add("culture", "Dutch").add("medium", "ink").add("year", 1700).build();
  private static final ItemFacets BARE = ItemFacets.EMPTY;

  // --------------------------------------------------------------- semantics

  @Test
  void termsCompareExactlyAndAnyValueOfAMultiValuedFacetMatches() {
    assertTrue(t("culture", "French").test(FRENCH_OIL_1650));
    assertFalse(t("culture", "french").test(FRENCH_OIL_1650));
    assertFalse(t("culture", "French ").test(FRENCH_OIL_1650));
    assertTrue(t("medium", "oil").test(FRENCH_OIL_1650));
    assertTrue(t("medium", "tempera").test(FRENCH_OIL_1650));
    assertFalse(t("medium", "ink").test(FRENCH_OIL_1650));
    assertFalse(t("culture", "French").test(BARE));
  }

  @Test
  void rangesAreInclusiveAndOpenEndsAreUnbounded() {
    assertTrue(r("year", 1650.0, 1650.0).test(FRENCH_OIL_1650));
    assertTrue(r("year", 1600.0, 1650.0).test(FRENCH_OIL_1650));
    assertTrue(r("year", 1650.0, 1800.0).test(FRENCH_OIL_1650));
    assertFalse(r("year", 1650.5, null).test(FRENCH_OIL_1650));
    assertTrue(r("year", null, 1650.0).test(FRENCH_OIL_1650));
    assertTrue(r("year", null, null).test(FRENCH_OIL_1650));
    assertFalse(r("year", null, null).test(BARE));
    ItemFacets twoYears = ItemFacets.builder().add("year", 1500).add("year", 1900).build();
    assertTrue(r("year", 1850.0, 1950.0).test(twoYears));
    assertFalse(r("year", 1600.0, 1800.0).test(twoYears));
  }

  @Test
  void missingFacetsNeverSatisfyAPositiveTestSoNotMatchesThem() {
    Condition notPhotos = parse("NOT collection:photos");
    assertTrue(notPhotos.test(DUTCH_1700)); // no collection at all
    assertTrue(notPhotos.test(FRENCH_OIL_1650));
    assertTrue(notPhotos.test(BARE));
    assertFalse(notPhotos.test(ItemFacets.builder().add("collection", "photos").build()));
    assertTrue(parse("NOT year:[* TO *]").test(BARE));
    assertFalse(parse("NOT year:[* TO *]").test(DUTCH_1700));
  }

  @Test
  void booleanOperatorsAndAll() {
    Condition example =
        parse(
            "culture:French AND (medium:oil OR medium:tempera) AND year:[1600 TO 1800]"
                + " AND NOT collection:photos");
    assertTrue(example.test(FRENCH_OIL_1650));
    assertFalse(example.test(DUTCH_1700));
    assertFalse(example.test(BARE));
    assertTrue(parse("culture:Dutch OR culture:French").test(DUTCH_1700));
    assertTrue(ALL.test(BARE));
    assertFalse(not(ALL).test(FRENCH_OIL_1650));
    assertTrue(and().test(BARE));
    assertFalse(or().test(FRENCH_OIL_1650));
    assertThrows(NullPointerException.class, () -> ALL.test(null));
    assertThrows(NullPointerException.class, () -> t("culture", "x").test(null));
  }

  // --------------------------------------------------------------- records

  @Test
  void recordsValidate() {
    assertThrows(IllegalArgumentException.class, () -> t("culture", " "));
    assertThrows(IllegalArgumentException.class, () -> t("Culture", "x"));
    assertThrows(IllegalArgumentException.class, () -> t("", "x"));
    assertThrows(NullPointerException.class, () -> t(null, "x"));
    assertThrows(NullPointerException.class, () -> t("culture", null));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> r("year", 1800.0, 1600.0));
    assertEquals("empty range on 'year': 1800 is greater than 1600", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> r("year", Double.NaN, null));
    assertThrows(IllegalArgumentException.class, () -> r("year", null, Double.POSITIVE_INFINITY));
    assertThrows(NullPointerException.class, () -> not(null));
    assertThrows(NullPointerException.class, () -> and(t("culture", "x"), null));
    assertThrows(NullPointerException.class, () -> new Condition.Or(null));
  }

  @Test
  void recordsCopyTheirListsAndFoldNegativeZero() {
    List<Condition> children = new ArrayList<>(List.of(t("culture", "a"), t("culture", "b")));
    Condition.And and = new Condition.And(children);
    children.add(t("culture", "c"));
    assertEquals(2, and.children().size());
    assertThrows(UnsupportedOperationException.class, () -> and.children().add(ALL));
    assertEquals(r("year", 0.0, 0.0), r("year", -0.0, -0.0));
    assertEquals(0.0, r("year", -0.0, null).from());
    assertEquals(new Condition.All(), ALL);
  }

  @Test
  void fieldsAreCollectedInOrder() {
    assertEquals(
        List.of("collection", "culture", "medium", "year"),
        List.copyOf(
            parse(
                    "culture:French AND (medium:oil OR medium:tempera) AND year:[1600 TO 1800]"
                        + " AND NOT collection:photos")
                .fields()));
    assertEquals(Set.of(), ALL.fields());
    assertEquals(Set.of("year"), not(r("year", 1.0, null)).fields());
    assertThrows(UnsupportedOperationException.class, () -> ALL.fields().add("x"));
  }

  @Test
  void validateChecksFacetsAndTypes() {
    parse("culture:French AND year:1650").validate(SCHEMA);
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class, () -> and(ALL, t("colour", "red")).validate(SCHEMA));
    assertEquals(
        "unknown facet 'colour'; known: culture, medium, year, collection", unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t("year", "1650").validate(SCHEMA));
    assertThrows(
        IllegalArgumentException.class, () -> not(r("culture", 1.0, 2.0)).validate(SCHEMA));
    assertThrows(NullPointerException.class, () -> ALL.validate(null));
  }

  // ------------------------------------------------------------ query text

  @Test
  void queryStringIsCanonical() {
    assertEquals("*", ALL.toQueryString());
    assertEquals("NOT *", not(ALL).toQueryString());
    assertEquals("year:1650", r("year", 1650.0, 1650.0).toQueryString());
    assertEquals("year:[* TO 1700]", r("year", null, 1700.0).toQueryString());
    assertEquals("year:[-0.5 TO *]", r("year", -0.5, null).toQueryString());
    assertEquals("year:[* TO *]", r("year", null, null).toQueryString());
    assertEquals("year:[0.1 TO 100000000000000000000]", r("year", 0.1, 1e20).toQueryString());
    assertEquals("year:0.00000015", r("year", 1.5e-7, 1.5e-7).toQueryString());
    assertEquals("medium:\"oil on canvas\"", t("medium", "oil on canvas").toQueryString());
    assertEquals("culture:\"a\\\"b\\\\c\"", t("culture", "a\"b\\c").toQueryString());
    assertEquals("culture:\"and\"", t("culture", "and").toQueryString());
    assertEquals("culture:\"To\"", t("culture", "To").toQueryString());
    assertEquals("culture:Français", t("culture", "Français").toQueryString());
    assertEquals(
        "NOT (culture:a OR culture:b) AND NOT NOT medium:c",
        and(not(or(t("culture", "a"), t("culture", "b"))), not(not(t("medium", "c"))))
            .toQueryString());
    assertEquals(
        "(culture:a AND culture:b) OR (culture:c AND culture:d)",
        parse("culture:a AND culture:b OR culture:c AND culture:d").toQueryString());
  }

  @Test
  void degenerateGroupsPrintAsEquivalentText() {
    assertEquals("*", and().toQueryString());
    assertEquals("NOT *", or().toQueryString());
    assertEquals("culture:a", and(t("culture", "a")).toQueryString());
    assertEquals(
        "NOT (culture:a OR culture:b) AND culture:c",
        and(not(and(or(t("culture", "a"), t("culture", "b")))), or(t("culture", "c")))
            .toQueryString());
    assertEquals("culture:a AND NOT *", and(t("culture", "a"), or()).toQueryString());
  }

  // ---------------------------------------------------------- normalization

  @Test
  void normalizationFlattensDeduplicatesAndSorts() {
    Condition a = t("culture", "a");
    Condition b = t("culture", "b");
    assertEquals(and(a, b), parse("culture:a AND (culture:b AND culture:a)").normalize());
    assertEquals(
        parse("culture:b AND culture:a").normalize(), parse("culture:a AND culture:b").normalize());
    assertEquals(
        parse("(medium:x OR culture:b) AND year:1 AND NOT culture:a").normalize(),
        parse("NOT culture:a AND (year:1 AND (culture:b OR medium:x OR culture:b))").normalize());
    assertEquals(or(a, b), parse("culture:b OR (culture:a OR culture:b)").normalize());
    assertEquals(a, parse("culture:a AND culture:a").normalize());
    assertEquals(a, and(a).normalize());
    assertEquals(a, or(a).normalize());
  }

  @Test
  void normalizationSimplifiesNegationAndConstants() {
    Condition a = t("culture", "a");
    Condition b = t("culture", "b");
    Condition nothing = not(ALL);
    assertEquals(a, not(not(a)).normalize());
    assertEquals(not(a), not(not(not(a))).normalize());
    assertEquals(a, and(a, ALL).normalize());
    assertEquals(ALL, or(a, ALL).normalize());
    assertEquals(ALL, and().normalize());
    assertEquals(ALL, and(ALL, ALL).normalize());
    assertEquals(nothing, nothing.normalize());
    assertEquals(nothing, or().normalize());
    assertEquals(nothing, and(a, nothing).normalize());
    assertEquals(a, or(a, nothing).normalize());
    assertEquals(ALL, not(or()).normalize());
    assertEquals(nothing, not(and()).normalize());
    assertEquals(ALL, ALL.normalize());
    assertSame(a, a.normalize());
    assertEquals(or(and(not(a), b), a), or(a, and(b, not(a))).normalize());
    assertNotEquals(or(a, b).normalize(), and(a, b).normalize());
  }

  @Test
  void normalizedOrderIsByCanonicalText() {
    Condition n =
        parse("year:[1 TO 2] OR medium:z OR NOT culture:x OR culture:y OR (medium:a AND *)")
            .normalize();
    assertEquals(
        "NOT culture:x OR culture:y OR medium:a OR medium:z OR year:[1 TO 2]", n.toQueryString());
    assertEquals(n, parse(n.toQueryString()));
  }
}
