package org.mnemosyne.importers.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Strict JSON with a depth limit. */
class JsonParserTest {
  @Test
  void valuesAreReadIntoMapsListsStringsNumbersAndConstants() {
    Object v =
        JsonParser.parse(" {\"a\": [1, -2.5e1, true, null, \"x\\u00e9\\n\"], \"b\": {}} ", 10);
    Map<?, ?> m = (Map<?, ?>) v;
    assertEquals(List.of(1.0, -25.0, true, JsonParser.NULL, "x\u00e9\n"), m.get("a"));
    assertEquals(Map.of(), m.get("b"));
  }

  @Test
  void invalidJsonIsRefusedWithTheOffset() {
    for (String bad :
        List.of("{", "[1,]", "{\"a\":1,\"a\":2}", "01", "\"\u0001\"", "[1] x", "{a:1}")) {
      JsonException e = assertThrows(JsonException.class, () -> JsonParser.parse(bad, 10), bad);
      assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    String deep = "[".repeat(100) + "]".repeat(100);
    assertThrows(JsonException.class, () -> JsonParser.parse(deep, 64));
    assertEquals(List.of(List.of()), JsonParser.parse("[[]]", 2));
  }
}
