package org.mnemosyne.explain.game;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoalitionTest {

  @Test
  void membersComplementAndEqualityBeyondOneWord() {
    Coalition c = Coalition.of(100, 0, 63, 64, 99);
    assertEquals(4, c.size());
    assertArrayEquals(new int[] {0, 63, 64, 99}, c.members());
    Coalition comp = c.complement();
    assertEquals(96, comp.size());
    assertFalse(comp.contains(64));
    assertTrue(comp.contains(65));
    assertEquals(Coalition.full(100), comp.with(0).with(63).with(64).with(99));
    assertEquals(c, Coalition.of(100, 99, 64, 63, 0));
    assertEquals(c.hashCode(), Coalition.of(100, 99, 64, 63, 0).hashCode());
    assertNotEquals(c, Coalition.of(101, 0, 63, 64, 99), "player count is part of identity");
  }

  @Test
  void bitsRoundTripAndValidation() {
    assertEquals(0b1011, Coalition.ofBits(4, 0b1011).bits());
    assertThrows(IllegalArgumentException.class, () -> Coalition.ofBits(3, 0b1000));
    assertThrows(IndexOutOfBoundsException.class, () -> Coalition.of(3, 3));
  }
}
