package org.mnemosyne.index.facet;

import java.util.Arrays;

/**
 * An immutable set of item ordinals in {@code [0, universe)}, stored compressed: as a sorted array
 * while it holds fewer than one ordinal in 32 of the universe, as a bitmap otherwise (a bitmap
 * costs one bit per possible ordinal, an array 32 bits per member). Set algebra picks the smaller
 * form for every result. Thread-safe.
 */
public final class OrdinalSet {
  private final int universe;
  private final int cardinality;

  /** Sorted members, exactly {@code cardinality} long, or null when {@link #words} is used. */
  private final int[] sorted;

  private final long[] words;

  private OrdinalSet(int universe, int cardinality, int[] sorted, long[] words) {
    this.universe = universe;
    this.cardinality = cardinality;
    this.sorted = sorted;
    this.words = words;
  }

  /** The empty set. */
  public static OrdinalSet empty(int universe) {
    return new OrdinalSet(universe, 0, new int[0], null);
  }

  /** Every ordinal of the universe. */
  public static OrdinalSet all(int universe) {
    long[] w = new long[wordCount(universe)];
    Arrays.fill(w, -1L);
    trim(w, universe);
    return compact(universe, universe, null, w);
  }

  /**
   * From sorted, distinct ordinals.
   *
   * @param members the first {@code count} entries are used; not retained
   */
  public static OrdinalSet ofSorted(int universe, int[] members, int count) {
    for (int i = 0; i < count; i++) {
      if (members[i] < 0 || members[i] >= universe || (i > 0 && members[i] <= members[i - 1])) {
        throw new IllegalArgumentException("ordinals must be sorted, distinct and in range");
      }
    }
    return compact(universe, count, Arrays.copyOf(members, count), null);
  }

  /** From a bitmap of {@code universe} bits; the array is retained, so callers hand it over. */
  public static OrdinalSet ofBits(int universe, long[] bits) {
    if (bits.length != wordCount(universe)) {
      throw new IllegalArgumentException("bitmap length does not match the universe");
    }
    trim(bits, universe);
    return compact(universe, popcount(bits), null, bits);
  }

  static int wordCount(int universe) {
    return (universe + 63) >>> 6;
  }

  private static void trim(long[] w, int universe) {
    if ((universe & 63) != 0 && w.length > 0) {
      w[w.length - 1] &= (1L << (universe & 63)) - 1;
    }
  }

  private static int popcount(long[] w) {
    int c = 0;
    for (long x : w) {
      c += Long.bitCount(x);
    }
    return c;
  }

  private static boolean preferSparse(int universe, int cardinality) {
    return (long) cardinality * 32 < universe;
  }

  /** Chooses the representation for a result given in either form. */
  private static OrdinalSet compact(int universe, int cardinality, int[] sorted, long[] words) {
    if (preferSparse(universe, cardinality)) {
      if (sorted == null) {
        sorted = new int[cardinality];
        int n = 0;
        for (int w = 0; w < words.length; w++) {
          for (long x = words[w]; x != 0; x &= x - 1) {
            sorted[n++] = (w << 6) + Long.numberOfTrailingZeros(x);
          }
        }
      }
      return new OrdinalSet(universe, cardinality, sorted, null);
    }
    if (words == null) {
      words = new long[wordCount(universe)];
      for (int i = 0; i < cardinality; i++) {
        words[sorted[i] >>> 6] |= 1L << sorted[i];
      }
    }
    return new OrdinalSet(universe, cardinality, null, words);
  }

  /** The size of the universe. */
  public int universe() {
    return universe;
  }

  /** Number of members. */
  public int cardinality() {
    return cardinality;
  }

  /** Whether it has no members. */
  public boolean isEmpty() {
    return cardinality == 0;
  }

  /** Whether the members are stored as a bitmap (else as a sorted array). */
  public boolean isBitmap() {
    return words != null;
  }

  /** Whether {@code ordinal} is a member. */
  public boolean contains(int ordinal) {
    if (ordinal < 0 || ordinal >= universe) {
      return false;
    }
    if (words != null) {
      return (words[ordinal >>> 6] & (1L << ordinal)) != 0;
    }
    return Arrays.binarySearch(sorted, ordinal) >= 0;
  }

  /**
   * Writes the members in {@code [from, to)} to {@code out} in ascending order.
   *
   * @param out receives at most {@code to - from} ordinals from index 0
   * @return how many were written
   */
  public int fill(int from, int to, int[] out) {
    from = Math.max(from, 0);
    to = Math.min(to, universe);
    int n = 0;
    if (from >= to) {
      return 0;
    }
    if (words == null) {
      int i = lowerBound(from);
      while (i < cardinality && sorted[i] < to) {
        out[n++] = sorted[i++];
      }
      return n;
    }
    int w = from >>> 6;
    long x = words[w] & (-1L << from);
    int lastWord = (to - 1) >>> 6;
    while (true) {
      if (w == lastWord) {
        x &= -1L >>> (63 - ((to - 1) & 63));
      }
      for (; x != 0; x &= x - 1) {
        out[n++] = (w << 6) + Long.numberOfTrailingZeros(x);
      }
      if (++w > lastWord) {
        return n;
      }
      x = words[w];
    }
  }

  /**
   * The number of distinct blocks {@code ordinal >>> shift} that hold at least one member: how
   * spread out the members are over the universe (the cardinality when no two share a block of
   * {@code 2^shift} ordinals; {@code cardinality / 2^shift} when they fill whole blocks).
   *
   * @param shift log2 of the block size, 0 to 30
   */
  public int occupiedBlocks(int shift) {
    if (shift < 0 || shift > 30) {
      throw new IllegalArgumentException("shift must be between 0 and 30, was " + shift);
    }
    int blocks = 0;
    int last = -1;
    if (words == null) {
      for (int i = 0; i < cardinality; i++) {
        int b = sorted[i] >>> shift;
        if (b != last) {
          blocks++;
          last = b;
        }
      }
      return blocks;
    }
    for (int w = 0; w < words.length; w++) {
      for (long x = words[w]; x != 0; ) {
        int b = ((w << 6) + Long.numberOfTrailingZeros(x)) >>> shift;
        if (b != last) {
          blocks++;
          last = b;
        }
        // Skip the rest of this block within the word.
        int next = (b + 1) << shift;
        if (next >= (w + 1) << 6 || next <= 0) {
          break;
        }
        x &= -1L << (next & 63);
      }
    }
    return blocks;
  }

  /** Number of members in {@code [from, to)}. */
  public int count(int from, int to) {
    from = Math.max(from, 0);
    to = Math.min(to, universe);
    if (from >= to) {
      return 0;
    }
    if (words == null) {
      return lowerBound(to) - lowerBound(from);
    }
    int w = from >>> 6;
    int lastWord = (to - 1) >>> 6;
    long x = words[w] & (-1L << from);
    int c = 0;
    while (true) {
      if (w == lastWord) {
        x &= -1L >>> (63 - ((to - 1) & 63));
      }
      c += Long.bitCount(x);
      if (++w > lastWord) {
        return c;
      }
      x = words[w];
    }
  }

  private int lowerBound(int value) {
    int lo = 0;
    int hi = cardinality;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** All members in ascending order (a new array). */
  public int[] toArray() {
    if (words == null) {
      return sorted.clone();
    }
    int[] out = new int[cardinality];
    fill(0, universe, out);
    return out;
  }

  /** The members of both sets. */
  public OrdinalSet and(OrdinalSet other) {
    checkUniverse(other);
    if (words != null && other.words != null) {
      long[] w = new long[words.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = words[i] & other.words[i];
      }
      return compact(universe, popcount(w), null, w);
    }
    OrdinalSet sparse = words == null ? this : other;
    OrdinalSet probe = sparse == this ? other : this;
    int[] out = new int[Math.min(sparse.cardinality, probe.cardinality)];
    int n = 0;
    for (int i = 0; i < sparse.cardinality; i++) {
      if (probe.contains(sparse.sorted[i])) {
        out[n++] = sparse.sorted[i];
      }
    }
    return compact(universe, n, Arrays.copyOf(out, n), null);
  }

  /** The members of either set. */
  public OrdinalSet or(OrdinalSet other) {
    checkUniverse(other);
    if (words == null && other.words == null) {
      int[] out = new int[cardinality + other.cardinality];
      int i = 0;
      int j = 0;
      int n = 0;
      while (i < cardinality || j < other.cardinality) {
        int a = i < cardinality ? sorted[i] : Integer.MAX_VALUE;
        int b = j < other.cardinality ? other.sorted[j] : Integer.MAX_VALUE;
        out[n++] = Math.min(a, b);
        // Branch-free: the order of two postings lists is unpredictable.
        i += a <= b ? 1 : 0;
        j += b <= a ? 1 : 0;
      }
      return compact(universe, n, Arrays.copyOf(out, n), null);
    }
    long[] w = bitsCopy();
    other.orInto(w);
    return compact(universe, popcount(w), null, w);
  }

  /** The members of this set that are not in {@code other}. */
  public OrdinalSet andNot(OrdinalSet other) {
    checkUniverse(other);
    if (words == null) {
      int[] out = new int[cardinality];
      int n = 0;
      for (int i = 0; i < cardinality; i++) {
        if (!other.contains(sorted[i])) {
          out[n++] = sorted[i];
        }
      }
      return compact(universe, n, Arrays.copyOf(out, n), null);
    }
    long[] w = words.clone();
    if (other.words != null) {
      for (int i = 0; i < w.length; i++) {
        w[i] &= ~other.words[i];
      }
    } else {
      for (int i = 0; i < other.cardinality; i++) {
        w[other.sorted[i] >>> 6] &= ~(1L << other.sorted[i]);
      }
    }
    return compact(universe, popcount(w), null, w);
  }

  /** Every ordinal of the universe that is not a member. */
  public OrdinalSet complement() {
    long[] w = bitsCopy();
    for (int i = 0; i < w.length; i++) {
      w[i] = ~w[i];
    }
    trim(w, universe);
    return compact(universe, universe - cardinality, null, w);
  }

  private long[] bitsCopy() {
    if (words != null) {
      return words.clone();
    }
    long[] w = new long[wordCount(universe)];
    orInto(w);
    return w;
  }

  private void orInto(long[] w) {
    if (words != null) {
      for (int i = 0; i < w.length; i++) {
        w[i] |= words[i];
      }
    } else {
      for (int i = 0; i < cardinality; i++) {
        w[sorted[i] >>> 6] |= 1L << sorted[i];
      }
    }
  }

  private void checkUniverse(OrdinalSet other) {
    if (other.universe != universe) {
      throw new IllegalArgumentException(
          "ordinal sets of different universes: " + universe + " and " + other.universe);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrdinalSet other
        && other.universe == universe
        && Arrays.equals(other.toArray(), toArray());
  }

  @Override
  public int hashCode() {
    return 31 * universe + Arrays.hashCode(toArray());
  }

  @Override
  public String toString() {
    return "OrdinalSet[" + cardinality + " of " + universe + (words != null ? ", bitmap]" : "]");
  }
}
