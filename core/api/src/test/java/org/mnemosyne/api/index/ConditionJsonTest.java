package org.mnemosyne.api.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mnemosyne.api.index.Condition.ALL;
import static org.mnemosyne.api.index.Condition.and;
import static org.mnemosyne.api.index.Condition.not;
import static org.mnemosyne.api.index.Condition.or;
import static org.mnemosyne.api.index.ConditionTestSupport.SCHEMA;
import static org.mnemosyne.api.index.ConditionTestSupport.assertSyntaxError;
import static org.mnemosyne.api.index.ConditionTestSupport.parse;
import static org.mnemosyne.api.index.ConditionTestSupport.r;
import static org.mnemosyne.api.index.ConditionTestSupport.t;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionJsonTest {

  private static Condition read(String json) {
    return Condition.fromJson(json, SCHEMA);
  }

  @Test
  void writesTheDocumentedShapes() {
    assertEquals("{\"all\":true}", ALL.toJson());
    assertEquals(
        "{\"term\":{\"field\":\"culture\",\"value\":\"French\"}}", t("culture", "French").toJson());
    assertEquals(
        "{\"range\":{\"field\":\"year\",\"from\":1600,\"to\":1800}}",
        r("year", 1600.0, 1800.0).toJson());
    assertEquals(
        "{\"range\":{\"field\":\"year\",\"from\":null,\"to\":-0.5}}",
        r("year", null, -0.5).toJson());
    assertEquals("{\"and\":[{\"not\":{\"all\":true}},{\"or\":[]}]}", and(not(ALL), or()).toJson());
  }

  @Test
  void readsTheDocumentedExample() {
    String json =
        "{ \"and\": [\n"
            + "  {\"term\": {\"field\": \"culture\", \"value\": \"French\"}},\n"
            + "  {\"or\": [{\"term\": {\"value\": \"oil\", \"field\": \"medium\"}},\n"
            + "            {\"term\": {\"field\": \"medium\", \"value\": \"tempera\"}}]},\n"
            + "  {\"range\": {\"field\": \"year\", \"from\": 1600, \"to\": 1.8e3}},\n"
            + "  {\"not\": {\"term\": {\"field\": \"collection\", \"value\": \"photos\"}}}\n"
            + "]}\r\n";
    Condition expected =
        parse(
            "culture:French AND (medium:oil OR medium:tempera) AND year:[1600 TO 1800]"
                + " AND NOT collection:photos");
    assertEquals(expected, read(json));
    assertEquals(expected, read(expected.toJson()));
  }

  @Test
  void openRangeEndsMayBeNullOrAbsent() {
    assertEquals(r("year", null, 1700.0), read("{\"range\":{\"field\":\"year\",\"to\":1700}}"));
    assertEquals(
        r("year", 1600.0, null),
        read("{\"range\":{\"field\":\"year\",\"from\":1600,\"to\":null}}"));
    assertEquals(r("year", null, null), read("{\"range\":{\"field\":\"year\"}}"));
    assertEquals(
        r("year", 0.0, 0.0), read("{\"range\":{\"field\":\"year\",\"from\":-0,\"to\":0}}"));
  }

  @Test
  void termOnANumericFacetWithANumberIsAnExactRange() {
    assertEquals(
        r("year", 1650.0, 1650.0), read("{\"term\":{\"field\":\"year\",\"value\":\"1650\"}}"));
    assertSyntaxError(
        32,
        "expected a number for numeric facet 'year' but found \"c. 1650\"",
        () -> read("{\"term\":{\"field\":\"year\",\"value\":\"c. 1650\"}}"));
  }

  @Test
  void stringsRoundTripWithEveryEscape() {
    String nasty = "q\"b\\s/\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029é日🎨\ud800x\udc00</script>";
    Condition c = t("culture", nasty);
    String json = c.toJson();
    for (char ch : json.toCharArray()) {
      if (ch < 0x20 || ch == 0x7f || ch == '\u2028' || ch == '\u2029') {
        throw new AssertionError("unescaped U+" + Integer.toHexString(ch) + " in " + json);
      }
    }
    assertEquals(true, json.contains("\\ud800x\\udc00"), json);
    assertEquals(true, json.contains("🎨"), json);
    assertEquals(c, read(json));
    assertEquals(
        t("culture", "A/é\u0001🎨"),
        read(
            "{\"term\":{\"field\":\"culture\",\"value\":\"\\u0041\\/\\u00E9\\u0001\\ud83c\\udfa8\"}}"));
  }

  @Test
  void emptyAndSingleGroupsAreKeptExactly() {
    for (Condition c : List.of(and(), or(), and(t("culture", "a")), not(or()), not(ALL))) {
      assertEquals(c, read(c.toJson()));
    }
  }

  // ------------------------------------------------------------------ errors

  @Test
  void unknownFacetAndWrongTypes() {
    assertSyntaxError(
        17,
        "unknown facet 'colour'; known: culture, medium, year, collection",
        () -> read("{\"term\":{\"field\":\"colour\",\"value\":\"red\"}}"));
    assertSyntaxError(
        18,
        "facet 'culture' is categorical; ranges apply to numeric facets only",
        () -> read("{\"range\":{\"field\":\"culture\",\"from\":1}}"));
    assertSyntaxError(
        9,
        "empty range: 1800 is greater than 1600",
        () -> read("{\"range\":{\"field\":\"year\",\"from\":1800,\"to\":1600}}"));
    assertSyntaxError(
        32,
        "\"from\" must be a number or null but is a string",
        () -> read("{\"range\":{\"field\":\"year\",\"from\":\"1600\"}}"));
    assertSyntaxError(
        35,
        "empty value for facet 'culture'",
        () -> read("{\"term\":{\"field\":\"culture\",\"value\":\" \"}}"));
    assertSyntaxError(
        17,
        "\"field\" must be a string but is a number",
        () -> read("{\"term\":{\"field\":1,\"value\":\"x\"}}"));
  }

  @Test
  void conditionStructureIsStrict() {
    assertSyntaxError(0, "expected a condition object but found an array", () -> read("[]"));
    assertSyntaxError(0, "exactly one key", () -> read("{}"));
    assertSyntaxError(0, "exactly one key", () -> read("{\"all\":true,\"not\":{\"all\":true}}"));
    assertSyntaxError(
        1,
        "unknown condition key \"any\"; expected one of all, term, range",
        () -> read("{\"any\":1}"));
    assertSyntaxError(7, "\"all\" must be true but is false", () -> read("{\"all\":false}"));
    assertSyntaxError(7, "\"and\" must be an array but is an object", () -> read("{\"and\":{}}"));
    assertSyntaxError(
        7, "expected a condition object but found null", () -> read("{\"or\":[null]}"));
    assertSyntaxError(
        7, "expected a condition object but found an array", () -> read("{\"not\":[]}"));
    assertSyntaxError(
        39,
        "unknown key \"values\" in \"term\"; expected field, value",
        () -> read("{\"term\":{\"field\":\"culture\",\"value\":\"a\",\"values\":[]}}"));
    assertSyntaxError(
        8, "\"term\" needs \"value\"", () -> read("{\"term\":{\"field\":\"culture\"}}"));
    assertSyntaxError(9, "\"range\" needs \"field\"", () -> read("{\"range\":{\"to\":1}}"));
  }

  @Test
  void malformedJson() {
    assertSyntaxError(0, "expected a JSON value but found end of input", () -> read(""));
    assertSyntaxError(3, "expected a JSON value but found end of input", () -> read("   "));
    assertSyntaxError(12, "expected end of input but found '{'", () -> read("{\"all\":true}{}"));
    assertSyntaxError(
        11, "expected ',' or '}' but found end of input", () -> read("{\"all\":true"));
    assertSyntaxError(9, "expected a JSON value but found ']'", () -> read("{\"or\":[1,]}"));
    assertSyntaxError(12, "expected '\"' to start a key", () -> read("{\"all\":true,}"));
    assertSyntaxError(1, "expected '\"' to start a key but found 'a'", () -> read("{all:true}"));
    assertSyntaxError(7, "expected a JSON value but found 'T'", () -> read("{\"all\":True}"));
    assertSyntaxError(13, "duplicate key \"all\"", () -> read("{\"all\":true, \"all\":true}"));
    assertSyntaxError(7, "leading zeros", () -> read("{\"all\":01}"));
    assertSyntaxError(9, "expected a digit after '.'", () -> read("{\"all\":1.}"));
    assertSyntaxError(8, "expected a digit but found '.'", () -> read("{\"all\":-.5}"));
    assertSyntaxError(7, "number out of range", () -> read("{\"all\":1e400}"));
    assertSyntaxError(2, "control character U+000A must be escaped", () -> read("{\"\n\":1}"));
    assertSyntaxError(2, "invalid escape '\\x'", () -> read("{\"\\x\":1}"));
    assertSyntaxError(2, "four hex digits", () -> read("{\"\\u12G4\":1}"));
    assertSyntaxError(2, "four hex digits", () -> read("{\"\\u١٢٣٤\":1}"));
    assertSyntaxError(
        4,
        "expected '\"' to close the string opened at 1 but found end of input",
        () -> read("{\"ab"));
    assertSyntaxError(0, "expected a JSON value but found '/'", () -> read("//{}"));
    assertSyntaxError(0, "expected a JSON value but found U+FEFF", () -> read("\ufeff{}"));
  }

  @Test
  void sizeAndDepthAreLimited() {
    int max = Condition.MAX_DEPTH;
    String leaf = t("culture", "x").toJson();
    String okNots = "{\"not\":".repeat(max) + leaf + "}".repeat(max);
    assertEquals(max, depth(read(okNots)));
    String deepNots = "{\"not\":".repeat(max + 1) + leaf + "}".repeat(max + 1);
    assertSyntaxError(7 * max, "condition is nested too deeply", () -> read(deepNots));

    String okAnds = "{\"and\":[".repeat(max) + leaf + "]}".repeat(max);
    assertEquals(max, depth(read(okAnds)));
    String deepAnds = "{\"and\":[".repeat(max + 1) + leaf + "]}".repeat(max + 1);
    assertSyntaxError(8 * max, "condition is nested too deeply", () -> read(deepAnds));

    String arrays = "[".repeat(10_000) + "]".repeat(10_000);
    assertSyntaxError(2 * max + 4, "JSON is nested too deeply", () -> read(arrays));

    String big = "{\"term\":{\"field\":\"culture\",\"value\":\"" + "x".repeat(100_000) + "\"}}";
    assertSyntaxError(Condition.MAX_JSON_LENGTH, "JSON is too long", () -> read(big));
  }

  private static int depth(Condition c) {
    if (c instanceof Condition.Not n) {
      return 1 + depth(n.child());
    }
    if (c instanceof Condition.And a) {
      return 1 + a.children().stream().mapToInt(ConditionJsonTest::depth).max().orElse(0);
    }
    return 0;
  }
}
