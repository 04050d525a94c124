package org.mnemosyne.db.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Untrusted text becomes plain text, and the change is reported. */
class PlainTextTest {
  @Test
  void scriptAndStyleElementsDisappearWithTheirContentAndOtherTagsWithoutIt() {
    PlainText.Cleaned c =
        PlainText.clean(
            "A <SCRIPT type=x>alert(1)</script >b<style>p{}</style> <i>c</i><!-- x -->");
    assertEquals("A b c", c.text());
    assertTrue(c.markupRemoved());
  }

  @Test
  void plainTextWithComparisonsIsLeftAlone() {
    PlainText.Cleaned c = PlainText.clean("height < 5 cm and > 2 cm; 3<4");
    assertEquals("height < 5 cm and > 2 cm; 3<4", c.text());
    assertFalse(c.markupRemoved());
  }

  @Test
  void controlCharactersGoLineBreaksStayAndTextIsNfc() {
    PlainText.Cleaned c = PlainText.clean("a\u0000b\r\nc\td\u0007e\u0301");
    assertEquals("ab\nc\tdé", c.text());
    assertTrue(c.controlRemoved());
    assertNull(PlainText.clean("  <b></b> ").text());
  }
}
