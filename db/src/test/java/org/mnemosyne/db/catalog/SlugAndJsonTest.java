package org.mnemosyne.db.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnemosyne.db.jdbc.FlatJson;

/** Slugs are validated or derived; JSON parameters escape everything. */
class SlugAndJsonTest {
  @Test
  void slugsAreDerivedFromNamesAndInvalidOnesRefused() {
    assertEquals("art-institute-of-chicago", Slug.from("Art Institute of Chicago!").value());
    assertEquals("musee-d-orsay", Slug.from("Musée d'Orsay").value());
    assertThrows(IllegalArgumentException.class, () -> new Slug("Art"));
    assertThrows(IllegalArgumentException.class, () -> new Slug("-art"));
    assertThrows(IllegalArgumentException.class, () -> Slug.from("!!!"));
  }

  @Test
  void flatJsonEscapesQuotesControlsAndSeparators() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a\"b", "x\\y\n\u0001\u2028");
    m.put("n", 3L);
    m.put("nan", Double.NaN);
    m.put("t", true);
    m.put("z", null);
    assertEquals(
        "{\"a\\\"b\":\"x\\\\y\\n\\u0001\\u2028\",\"n\":3,\"nan\":\"NaN\",\"t\":true,\"z\":null}",
        FlatJson.write(m));
  }
}
