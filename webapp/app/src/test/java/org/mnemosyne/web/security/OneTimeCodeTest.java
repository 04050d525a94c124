package org.mnemosyne.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimeCodeTest {
  @Test
  void matchesWhatAPersonTypesAndNothingElse() {
    OneTimeCode code = OneTimeCode.random();
    String shown = code.display();
    assertTrue(shown.matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"), shown);
    assertTrue(code.matches(" " + shown.toLowerCase(Locale.ROOT).replace("-", " ") + " "));
    assertTrue(code.matches(shown.replace("-", "")));
    assertTrue(code.live());
  }

  @Test
  void wrongTriesExhaustItAndAUsedCodeIsDead() {
    OneTimeCode code = OneTimeCode.random();
    for (int i = 0; i < OneTimeCode.MAX_FAILURES; i++) {
      assertFalse(code.matches("AAAA-AAAA-AAA" + i));
    }
    assertFalse(code.live());
    assertFalse(code.matches(code.display()), "even the right code is refused after that");

    OneTimeCode other = OneTimeCode.random();
    assertFalse(other.matches(null));
    assertTrue(other.matches(other.display()));
    other.consume();
    assertFalse(other.matches(other.display()), "one time only");
  }

  @Test
  void codesAreRandom() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seen.add(OneTimeCode.random().display());
    }
    assertEquals(1000, seen.size());
    assertNotEquals(OneTimeCode.random().display(), OneTimeCode.random().display());
  }
}
