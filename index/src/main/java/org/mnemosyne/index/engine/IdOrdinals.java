package org.mnemosyne.index.engine;

import java.util.Arrays;

/**
 * An open-addressing map from item id to ordinal within one segment: 12 bytes per slot, no boxing.
 * Immutable once built.
 */
final class IdOrdinals {
  private final long[] keys;
  private final int[] values;
  private final int mask;

  IdOrdinals(long[] ids) {
    int cap = Integer.highestOneBit(Math.max(4, ids.length * 2 - 1)) << 1;
    keys = new long[cap];
    values = new int[cap];
    Arrays.fill(values, -1);
    mask = cap - 1;
    for (int ordinal = 0; ordinal < ids.length; ordinal++) {
      int slot = slot(ids[ordinal]);
      while (values[slot] >= 0) {
        if (keys[slot] == ids[ordinal]) {
          throw new IllegalArgumentException("duplicate item id " + ids[ordinal]);
        }
        slot = (slot + 1) & mask;
      }
      keys[slot] = ids[ordinal];
      values[slot] = ordinal;
    }
  }

  private int slot(long id) {
    long h = id * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** The ordinal of {@code id}, or -1. */
  int ordinal(long id) {
    for (int slot = slot(id); values[slot] >= 0; slot = (slot + 1) & mask) {
      if (keys[slot] == id) {
        return values[slot];
      }
    }
    return -1;
  }
}
