package org.mnemosyne.api.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mnemosyne.api.index.Condition.ALL;
import static org.mnemosyne.api.index.Condition.and;
import static org.mnemosyne.api.index.Condition.not;
import static org.mnemosyne.api.index.Condition.or;
import static org.mnemosyne.api.index.ConditionTestSupport.assertSyntaxError;
import static org.mnemosyne.api.index.ConditionTestSupport.parse;
import static org.mnemosyne.api.index.ConditionTestSupport.r;
import static org.mnemosyne.api.index.ConditionTestSupport.t;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionParserTest {

  @Test
  void parsesTheDocumentedExample() {
    Condition c =
        parse(
            "culture:French AND (medium:oil OR medium:tempera) AND year:[1600 TO 1800]"
                + " AND NOT collection:photos");
    assertEquals(
        and(
            t("culture", "French"),
            or(t("medium", "oil"), t("medium", "tempera")),
            r("year", 1600.0, 1800.0),
            not(t("collection", "photos"))),
        c);
    assertEquals(
        "culture:French AND (medium:oil OR medium:tempera) AND year:[1600 TO 1800]"
            + " AND NOT collection:photos",
        c.toQueryString());
  }

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    Condition a = t("culture", "a");
    Condition b = t("culture", "b");
    Condition c = t("culture", "c");
    assertEquals(or(a, and(b, c)), parse("culture:a OR culture:b AND culture:c"));
    assertEquals(or(and(a, b), c), parse("culture:a AND culture:b OR culture:c"));
    assertEquals(and(not(a), b), parse("NOT culture:a AND culture:b"));
    assertEquals(or(not(a), b), parse("NOT culture:a OR culture:b"));
    assertEquals(not(and(a, b)), parse("NOT (culture:a AND culture:b)"));
    assertEquals(and(or(a, b), c), parse("(culture:a OR culture:b) AND culture:c"));
    assertEquals(not(not(a)), parse("NOT NOT culture:a"));
  }

  @Test
  void chainsAreFlatAndParenthesesKeepTheirGrouping() {
    Condition a = t("culture", "a");
    Condition b = t("culture", "b");
    Condition c = t("culture", "c");
    assertEquals(and(a, b, c), parse("culture:a AND culture:b AND culture:c"));
    assertEquals(or(a, b, c), parse("culture:a OR culture:b OR culture:c"));
    assertEquals(and(and(a, b), c), parse("(culture:a AND culture:b) AND culture:c"));
    assertEquals(a, parse("((culture:a))"));
  }

  @Test
  void keywordsAreCaseInsensitive() {
    assertEquals(
        or(and(t("culture", "a"), not(t("medium", "b"))), t("medium", "c")),
        parse("culture:a and not medium:b Or medium:c"));
    assertEquals(r("year", 1.0, 2.0), parse("year:[1 to 2]"));
  }

  @Test
  void quotedValuesWithSpacesAndEscapes() {
    assertEquals(t("medium", "oil on canvas"), parse("medium:\"oil on canvas\""));
    assertEquals(
        t("culture", "say \"hi\" \\ there"), parse("culture:\"say \\\"hi\\\" \\\\ there\""));
    assertEquals(t("culture", "AND"), parse("culture:\"AND\""));
    assertEquals(t("culture", "a:b(c)*"), parse("culture:\"a:b(c)*\""));
    assertEquals(t("culture", "line\nbreak"), parse("culture:\"line\nbreak\""));
  }

  @Test
  void bareWordsAcceptAnyScriptAndPunctuation() {
    assertEquals(t("culture", "Français"), parse("culture:Français"));
    assertEquals(t("culture", "日本"), parse("culture:日本"));
    assertEquals(t("culture", "O'Keeffe"), parse("culture:O'Keeffe"));
    assertEquals(t("culture", "Jean-Baptiste_v.2"), parse("culture:Jean-Baptiste_v.2"));
    assertEquals(t("culture", "1650"), parse("culture:1650"));
    assertEquals(t("culture", "Cafe\u0301"), parse("culture:Cafe\u0301")); // combining accent
    assertEquals(t("culture", "French"), parse("culture: French")); // blank after the colon
  }

  @Test
  void numbersOnNumericFacetsAreExactRanges() {
    assertEquals(r("year", 1650.0, 1650.0), parse("year:1650"));
    assertEquals(r("year", -12.5, -12.5), parse("year:-12.5"));
    assertEquals(r("year", 0.0, 0.0), parse("year:-0"));
    assertEquals(r("year", 1650.0, 1650.0), parse("year:\"1650\""));
    assertEquals(r("year", 1e3, 1e3), parse("year:1e3"));
  }

  @Test
  void openRanges() {
    assertEquals(r("year", null, 1700.0), parse("year:[* TO 1700]"));
    assertEquals(r("year", 1600.0, null), parse("year:[1600 TO *]"));
    assertEquals(r("year", null, null), parse("year:[* TO *]"));
    assertEquals(r("year", -3.25, 0.5), parse("year:[-3.25 TO .5]"));
    assertEquals(r("year", 5.0, 5.0), parse("year:[5 TO 5]"));
  }

  @Test
  void emptyBlankAndStarAreAll() {
    assertEquals(ALL, parse(""));
    assertEquals(ALL, parse("   \t\n\u00a0"));
    assertEquals(ALL, parse("*"));
    assertEquals(ALL, parse(" ( * ) "));
    assertEquals(not(ALL), parse("NOT *"));
    assertEquals(and(t("culture", "a"), ALL), parse("culture:a AND *"));
  }

  @Test
  void facetsNamedLikeKeywordsStillWork() {
    FacetSchema odd =
        FacetSchema.of(FacetField.categorical("not", false), FacetField.categorical("and", false));
    Condition c = Condition.parse("not:x AND NOT and:y", odd);
    assertEquals(and(t("not", "x"), not(t("and", "y"))), c);
    assertEquals(c, Condition.parse(c.toQueryString(), odd));
  }

  // ------------------------------------------------------------------ errors

  @Test
  void unknownFacetListsTheKnownOnes() {
    ConditionSyntaxException e =
        assertSyntaxError(
            19, "unknown facet 'colour'", () -> parse("culture:French AND colour:red"));
    assertEquals("unknown facet 'colour'; known: culture, medium, year, collection", e.reason());
    assertSyntaxError(0, "unknown facet 'Culture'", () -> parse("Culture:French"));
  }

  @Test
  void unclosedParenthesis() {
    ConditionSyntaxException e =
        assertSyntaxError(17, "expected ')'", () -> parse("(culture:French  "));
    assertEquals("at 17: expected ')' but found end of input", e.getMessage());
    assertSyntaxError(
        23, "expected AND, OR or ')' but found ']'", () -> parse("(culture:a OR culture:b]"));
  }

  @Test
  void strayClosingParenthesis() {
    assertSyntaxError(
        9, "expected AND, OR or end of input but found ')'", () -> parse("culture:x)"));
    assertSyntaxError(1, "expected a condition but found ')'", () -> parse("()"));
  }

  @Test
  void missingValue() {
    assertSyntaxError(
        8, "expected a value after 'culture:' but found end of input", () -> parse("culture:"));
    assertSyntaxError(9, "found keyword 'AND' (quote it", () -> parse("culture: AND medium:oil"));
    assertSyntaxError(
        9, "expected a value after 'culture:' but found ')'", () -> parse("(culture:)"));
    assertSyntaxError(
        5, "expected a value after 'year:' but found end of input", () -> parse("year:"));
    assertSyntaxError(8, "empty value for facet 'culture'", () -> parse("culture:\"  \""));
  }

  @Test
  void danglingOperators() {
    assertSyntaxError(
        18, "expected a condition but found end of input", () -> parse("culture:French AND"));
    assertSyntaxError(
        17, "expected a condition but found end of input", () -> parse("culture:French OR"));
    assertSyntaxError(
        0, "expected a condition but found keyword 'AND'", () -> parse("AND culture:French"));
    assertSyntaxError(
        19,
        "expected a condition but found keyword 'or'",
        () -> parse("culture:French AND or medium:x"));
    assertSyntaxError(4, "expected a condition but found end of input", () -> parse("NOT "));
  }

  @Test
  void implicitAndIsRejected() {
    assertSyntaxError(
        15, "conditions must be joined explicitly", () -> parse("culture:French medium:oil"));
    assertSyntaxError(
        16, "expected AND, OR or ')' but found 'medium'", () -> parse("(culture:French medium:x)"));
    assertSyntaxError(15, "joined explicitly", () -> parse("culture:French (medium:oil)"));
    assertSyntaxError(15, "joined explicitly", () -> parse("culture:French NOT medium:oil"));
    assertSyntaxError(12, "joined explicitly", () -> parse("culture:oil painting"));
  }

  @Test
  void wrongTypeUsage() {
    assertSyntaxError(8, "facet 'culture' is categorical", () -> parse("culture:[1600 TO 1800]"));
    assertSyntaxError(
        5,
        "expected a number for numeric facet 'year' but found 'recent'",
        () -> parse("year:recent"));
    assertSyntaxError(5, "expected a number", () -> parse("year:\"1650s\""));
  }

  @Test
  void malformedRanges() {
    assertSyntaxError(
        5, "empty range: 1800 is greater than 1600", () -> parse("year:[1800 TO 1600]"));
    assertSyntaxError(
        6, "expected a number or '*' but found 'abc'", () -> parse("year:[abc TO 5]"));
    assertSyntaxError(8, "expected TO but found '5'", () -> parse("year:[1 5]"));
    assertSyntaxError(12, "expected ']' but found end of input", () -> parse("year:[1 TO 5"));
    assertSyntaxError(11, "expected a number or '*' but found ']'", () -> parse("year:[1 TO ]"));
    assertSyntaxError(5, "number out of range", () -> parse("year:1e999"));
  }

  @Test
  void lexicalErrors() {
    assertSyntaxError(15, "unexpected character '&'", () -> parse("culture:French & medium:oil"));
    assertSyntaxError(8, "unexpected character U+0000", () -> parse("culture:\u0000"));
    assertSyntaxError(
        12, "expected '\"' to close the value opened at 8", () -> parse("culture:\"abc"));
    assertSyntaxError(10, "invalid escape '\\n'", () -> parse("culture:\"a\\nb\""));
    assertSyntaxError(12, "wildcards are not supported", () -> parse("culture:Fren*"));
  }

  @Test
  void bareWordsNeedAFacet() {
    assertSyntaxError(0, "expected facet:value but found 'French'", () -> parse("French"));
    assertSyntaxError(0, "expected facet:value but found 'culture'", () -> parse("culture :x"));
    assertSyntaxError(0, "expected a condition but found '\"French\"'", () -> parse("\"French\""));
  }

  @Test
  void nestingIsLimited() {
    int max = Condition.MAX_DEPTH;
    String ok = "(".repeat(max) + "culture:x" + ")".repeat(max);
    assertEquals(t("culture", "x"), parse(ok));
    String deep = "(".repeat(max + 1) + "culture:x" + ")".repeat(max + 1);
    assertSyntaxError(max, "nested too deeply", () -> parse(deep));

    assertEquals(64, max);
    Condition nots = parse("NOT ".repeat(max) + "culture:x");
    assertEquals(t("culture", "x"), nots.normalize());
    assertSyntaxError(
        4 * max, "nested too deeply", () -> parse("NOT ".repeat(max + 1) + "culture:x"));
    // mixed: 20 parentheses and 20 + 25 NOTs
    String mixed = "(NOT ".repeat(20) + "NOT ".repeat(25) + "culture:x" + ")".repeat(20);
    assertSyntaxError(5 * 20 + 4 * 24, "nested too deeply", () -> parse(mixed));
  }

  @Test
  void lengthIsLimited() {
    String ok = "culture:" + "x".repeat(Condition.MAX_TEXT_LENGTH - 8);
    assertEquals(Condition.MAX_TEXT_LENGTH, ok.length());
    assertEquals(t("culture", "x".repeat(Condition.MAX_TEXT_LENGTH - 8)), parse(ok));
    assertSyntaxError(10_000, "too long: 10001 characters", () -> parse(ok + "x"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "culture:French OR",
        "((culture:x)",
        "year:[1 TO 2",
        "culture:\"x",
        "medium:oil AND AND culture:x",
        "year:[2 TO 1]",
        "collection:[* TO *]",
        "colour:red",
        "culture:x culture:y",
        "-culture:x",
        "culture:x !",
        ":x",
        "[1 TO 2]",
        "culture:x)",
      })
  void everyMalformedTextFailsWithAPositionInsideTheText(String text) {
    ConditionSyntaxException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ConditionSyntaxException.class, () -> parse(text));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.position() >= 0 && e.position() <= text.length(), e::getMessage);
  }
}
