package org.mnemosyne.explain.game;

import java.util.Arrays;

/**
 * A set of players {@code 0 .. players-1}, as an immutable bit set with a fixed number of players.
 * Two coalitions are equal when they have the same number of players and the same members, so a
 * coalition is a memoisation key. Thread-safe.
 */
public final class Coalition {
  private final int players;
  private final long[] words;
  private final int hash;

  private Coalition(int players, long[] words) {
    this.players = players;
    this.words = words;
    this.hash = 31 * players + Arrays.hashCode(words);
  }

  private static long[] newWords(int players) {
    if (players < 0) {
      throw new IllegalArgumentException("players must not be negative");
    }
    return new long[(players + 63) >>> 6];
  }

  /** The empty coalition. */
  public static Coalition empty(int players) {
    return new Coalition(players, newWords(players));
  }

  /** The grand coalition: every player. */
  public static Coalition full(int players) {
    long[] w = newWords(players);
    for (int i = 0; i < players; i++) {
      w[i >>> 6] |= 1L << i;
    }
    return new Coalition(players, w);
  }

  /** The coalition of the given members. */
  public static Coalition of(int players, int... members) {
    long[] w = newWords(players);
    for (int m : members) {
      checkPlayer(m, players);
      w[m >>> 6] |= 1L << m;
    }
    return new Coalition(players, w);
  }

  /** The coalition whose members are the given booleans that are true. */
  public static Coalition of(boolean[] present) {
    long[] w = newWords(present.length);
    for (int i = 0; i < present.length; i++) {
      if (present[i]) {
        w[i >>> 6] |= 1L << i;
      }
    }
    return new Coalition(present.length, w);
  }

  /**
   * The coalition whose members are the set bits of {@code bits} (player i is bit i).
   *
   * @throws IllegalArgumentException if {@code players > 63} or a bit at or above {@code players}
   *     is set
   */
  public static Coalition ofBits(int players, long bits) {
    if (players > 63) {
      throw new IllegalArgumentException("bit form supports at most 63 players");
    }
    if (players < 63 && (bits >>> players) != 0) {
      throw new IllegalArgumentException("bits beyond player " + (players - 1));
    }
    long[] w = newWords(players);
    if (w.length > 0) {
      w[0] = bits;
    }
    return new Coalition(players, w);
  }

  private static void checkPlayer(int i, int players) {
    if (i < 0 || i >= players) {
      throw new IndexOutOfBoundsException("player " + i + " outside 0.." + (players - 1));
    }
  }

  /** The number of players of the game (not the size of the coalition). */
  public int players() {
    return players;
  }

  /** The members as bits (player i is bit i); only for at most 63 players. */
  public long bits() {
    if (players > 63) {
      throw new IllegalStateException("bit form supports at most 63 players");
    }
    return words.length == 0 ? 0L : words[0];
  }

  /** The number of members. */
  public int size() {
    int n = 0;
    for (long w : words) {
      n += Long.bitCount(w);
    }
    return n;
  }

  /** Whether player {@code i} is a member. */
  public boolean contains(int i) {
    checkPlayer(i, players);
    return (words[i >>> 6] & (1L << i)) != 0;
  }

  /** This coalition with player {@code i} added. */
  public Coalition with(int i) {
    checkPlayer(i, players);
    long[] w = words.clone();
    w[i >>> 6] |= 1L << i;
    return new Coalition(players, w);
  }

  /** This coalition with player {@code i} removed. */
  public Coalition without(int i) {
    checkPlayer(i, players);
    long[] w = words.clone();
    w[i >>> 6] &= ~(1L << i);
    return new Coalition(players, w);
  }

  /** The players that are not members. */
  public Coalition complement() {
    long[] w = words.clone();
    for (int k = 0; k < w.length; k++) {
      w[k] = ~w[k];
    }
    int rest = players & 63;
    if (rest != 0) {
      w[w.length - 1] &= (1L << rest) - 1;
    }
    return new Coalition(players, w);
  }

  /** The members, ascending. */
  public int[] members() {
    int[] out = new int[size()];
    int k = 0;
    for (int i = 0; i < players; i++) {
      if ((words[i >>> 6] & (1L << i)) != 0) {
        out[k++] = i;
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Coalition c && c.players == players && Arrays.equals(c.words, words);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.toString(members()) + "/" + players;
  }
}
