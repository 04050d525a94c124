package org.mnemosyne.api.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Shared fixtures for the condition tests. */
final class ConditionTestSupport {
  /** culture, medium (multi-valued), year (numeric), collection. */
  static final FacetSchema SCHEMA =
      FacetSchema.of(
          FacetField.categorical("culture", false),
          FacetField.categorical("medium", true),
          FacetField.numeric("year"),
          FacetField.categorical("collection", false));

  private ConditionTestSupport() {}

  static Condition parse(String text) {
    return Condition.parse(text, SCHEMA);
  }

  static Condition.Term t(String field, String value) {
    return Condition.term(field, value);
  }

  static Condition.Range r(String field, Double from, Double to) {
    return Condition.range(field, from, to);
  }

  /** Asserts a syntax error at a position whose reason contains the given text. */
  static ConditionSyntaxException assertSyntaxError(
      int position, String reasonPart, Executable executable) {
    ConditionSyntaxException e = assertThrows(ConditionSyntaxException.class, executable);
    assertEquals(position, e.position(), () -> "position of: " + e.getMessage());
    if (!e.reason().contains(reasonPart)) {
      throw new AssertionError("reason '" + e.reason() + "' lacks '" + reasonPart + "'");
    }
    assertEquals("at " + position + ": " + e.reason(), e.getMessage());
    return e;
  }
}
