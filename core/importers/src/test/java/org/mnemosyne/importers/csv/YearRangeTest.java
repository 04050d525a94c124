package org.mnemosyne.importers.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Years and ranges are read; anything else is refused with the text. */
class YearRangeTest {
  @Test
  void yearsRangesAndBceYearsAreRead() {
    assertEquals(Optional.of(new YearRange(1631, 1631)), YearRange.parse(" 1631 "));
    assertEquals(Optional.of(new YearRange(1868, 1870)), YearRange.parse("1868\u20131870"));
    assertEquals(Optional.of(new YearRange(1650, 1660)), YearRange.parse("1650/1660"));
    assertEquals(Optional.of(new YearRange(-200, -200)), YearRange.parse("-200"));
    assertEquals(Optional.empty(), YearRange.parse("  "));
  }

  @Test
  void textThatIsNotAYearIsRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> YearRange.parse("circa nineteen"));
    assertTrue(e.getMessage().contains("circa nineteen"));
    assertThrows(IllegalArgumentException.class, () -> YearRange.parse("1650.5"));
    assertThrows(IllegalArgumentException.class, () -> YearRange.parse("19999"));
    assertThrows(IllegalArgumentException.class, () -> YearRange.parse("1700-1600"));
  }
}
