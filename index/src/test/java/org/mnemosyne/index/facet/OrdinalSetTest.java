package org.mnemosyne.index.facet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrdinalSetTest {

  private static BitSet randomBits(Random rnd, int universe) {
    BitSet b = new BitSet(universe);
    double density = new double[] {0, 0.001, 0.02, 0.2, 0.7, 1}[rnd.nextInt(6)];
    for (int i = 0; i < universe; i++) {
      if (rnd.nextDouble() < density) {
        b.set(i);
      }
    }
    return b;
  }

  private static OrdinalSet of(BitSet b, int universe) {
    int[] members = b.stream().toArray();
    return OrdinalSet.ofSorted(universe, members, members.length);
  }

  private static void assertSame(BitSet expected, OrdinalSet actual, String what) {
    assertArrayEquals(expected.stream().toArray(), actual.toArray(), what);
    assertEquals(expected.cardinality(), actual.cardinality(), what);
    assertEquals((long) actual.cardinality() * 32 >= actual.universe(), actual.isBitmap(), what);
  }

  @Test
  void algebraMatchesBitSetInEveryRepresentation() {
    Random rnd = new Random(1);
    for (int round = 0; round < 300; round++) {
      int universe = rnd.nextInt(3) == 0 ? rnd.nextInt(130) : 1 + rnd.nextInt(5000);
      BitSet a = randomBits(rnd, universe);
      BitSet b = randomBits(rnd, universe);
      OrdinalSet sa = of(a, universe);
      OrdinalSet sb = of(b, universe);
      BitSet and = (BitSet) a.clone();
      and.and(b);
      BitSet or = (BitSet) a.clone();
      or.or(b);
      BitSet andNot = (BitSet) a.clone();
      andNot.andNot(b);
      BitSet not = (BitSet) a.clone();
      not.flip(0, universe);
      assertSame(and, sa.and(sb), "and");
      assertSame(or, sa.or(sb), "or");
      assertSame(andNot, sa.andNot(sb), "andNot");
      assertSame(not, sa.complement(), "complement");
      for (int t = 0; t < 10; t++) {
        int from = rnd.nextInt(universe + 2) - 1;
        int to = from + rnd.nextInt(200);
        int lo = Math.max(0, from);
        int hi = Math.min(universe, to);
        BitSet range = lo < hi ? a.get(lo, hi) : new BitSet();
        int[] out = new int[Math.max(0, to - from)];
        int n = sa.fill(from, to, out);
        assertEquals(range.cardinality(), n, "fill count");
        assertEquals(range.cardinality(), sa.count(from, to), "count");
        for (int i = 0; i < n; i++) {
          assertTrue(a.get(out[i]) && out[i] >= lo && out[i] < hi);
        }
      }
      int probe = rnd.nextInt(universe + 1);
      assertEquals(a.get(probe), sa.contains(probe));
    }
  }

  @Test
  void rejectsUnsortedOrOutOfRangeOrdinals() {
    assertThrows(
        IllegalArgumentException.class, () -> OrdinalSet.ofSorted(10, new int[] {3, 2}, 2));
    assertThrows(IllegalArgumentException.class, () -> OrdinalSet.ofSorted(10, new int[] {10}, 1));
    assertThrows(
        IllegalArgumentException.class, () -> OrdinalSet.empty(5).and(OrdinalSet.empty(6)));
    assertEquals(7, OrdinalSet.all(7).cardinality());
    assertEquals(0, OrdinalSet.all(0).cardinality());
  }

  @Test
  void occupiedBlocksCountsDistinctBlocksInBothForms() {
    java.util.Random rnd = new java.util.Random(9);
    for (int t = 0; t < 200; t++) {
      int universe = 1 + rnd.nextInt(5000);
      int density = 1 + rnd.nextInt(40);
      java.util.List<Integer> members = new java.util.ArrayList<>();
      int run = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(100) : 1;
      for (int i = 0; i < universe; i++) {
        if (rnd.nextInt(density * run) < run) {
          for (int r = 0; r < run && i < universe; r++, i++) {
            members.add(i);
          }
        }
      }
      int[] sorted = members.stream().mapToInt(Integer::intValue).toArray();
      OrdinalSet set = OrdinalSet.ofSorted(universe, sorted, sorted.length);
      long[] bits = new long[(universe + 63) / 64];
      for (int m : sorted) {
        bits[m >>> 6] |= 1L << m;
      }
      OrdinalSet bitmap = OrdinalSet.ofBits(universe, bits);
      for (int shift : new int[] {0, 1, 3, 5, 6, 7, 12, 30}) {
        long expected = java.util.Arrays.stream(sorted).map(m -> m >>> shift).distinct().count();
        assertEquals(expected, set.occupiedBlocks(shift), "shift " + shift);
        assertEquals(expected, bitmap.occupiedBlocks(shift), "bitmap, shift " + shift);
      }
    }
  }
}
