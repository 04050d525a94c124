package org.mnemosyne.index.facet;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One categorical facet over the items of a segment: a dictionary of its distinct values (value id
 * = position), each item's value ids (compressed sparse rows) and, per value, the {@link
 * OrdinalSet} of items that have it. An item may have several values or none. Immutable.
 */
public final class CategoricalColumn {
  private final String[] dictionary;
  private final Map<String, Integer> ids;
  private final int[] offsets;
  private final int[] valueIds;
  private final OrdinalSet[] postings;

  /**
   * A column from its rows.
   *
   * @param dictionary the distinct values; a value's id is its position
   * @param offsets {@code n + 1} row starts into {@code valueIds}
   * @param valueIds each item's distinct value ids, row after row
   * @throws IllegalArgumentException if the arrays are inconsistent
   */
  public CategoricalColumn(String[] dictionary, int[] offsets, int[] valueIds) {
    this.dictionary = dictionary.clone();
    this.offsets = offsets;
    this.valueIds = valueIds;
    this.ids = new HashMap<>();
    for (int v = 0; v < dictionary.length; v++) {
      if (ids.put(dictionary[v], v) != null) {
        throw new IllegalArgumentException("duplicate dictionary value " + dictionary[v]);
      }
    }
    checkRows(offsets, valueIds.length);
    int n = offsets.length - 1;
    int[] counts = new int[dictionary.length];
    for (int v : valueIds) {
      if (v < 0 || v >= dictionary.length) {
        throw new IllegalArgumentException("value id " + v + " outside the dictionary");
      }
      counts[v]++;
    }
    int[][] members = new int[dictionary.length][];
    for (int v = 0; v < members.length; v++) {
      members[v] = new int[counts[v]];
    }
    int[] fill = new int[dictionary.length];
    for (int i = 0; i < n; i++) {
      for (int p = offsets[i]; p < offsets[i + 1]; p++) {
        int v = valueIds[p];
        if (fill[v] > 0 && members[v][fill[v] - 1] == i) {
          throw new IllegalArgumentException("item " + i + " repeats a value");
        }
        members[v][fill[v]++] = i;
      }
    }
    this.postings = new OrdinalSet[dictionary.length];
    for (int v = 0; v < members.length; v++) {
      postings[v] = OrdinalSet.ofSorted(n, members[v], members[v].length);
    }
  }

  static void checkRows(int[] offsets, int length) {
    if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != length) {
      throw new IllegalArgumentException("row offsets do not cover the values");
    }
    for (int i = 1; i < offsets.length; i++) {
      if (offsets[i] < offsets[i - 1]) {
        throw new IllegalArgumentException("row offsets are not ascending");
      }
    }
  }

  /**
   * Builds a column from each item's values.
   *
   * @param rows per item (in ordinal order) its values; duplicates are ignored
   */
  public static CategoricalColumn of(List<List<String>> rows) {
    Map<String, Integer> ids = new HashMap<>();
    int[] offsets = new int[rows.size() + 1];
    int[] valueIds = new int[16];
    int n = 0;
    for (int i = 0; i < rows.size(); i++) {
      int rowStart = n;
      for (String value : rows.get(i)) {
        Integer id = ids.computeIfAbsent(value, v -> ids.size());
        boolean repeated = false;
        for (int p = rowStart; p < n; p++) {
          repeated |= valueIds[p] == id;
        }
        if (!repeated) {
          if (n == valueIds.length) {
            valueIds = Arrays.copyOf(valueIds, n * 2);
          }
          valueIds[n++] = id;
        }
      }
      offsets[i + 1] = n;
    }
    String[] dictionary = new String[ids.size()];
    ids.forEach((value, id) -> dictionary[id] = value);
    return new CategoricalColumn(dictionary, offsets, Arrays.copyOf(valueIds, n));
  }

  /** Number of items. */
  public int size() {
    return offsets.length - 1;
  }

  /** Number of distinct values. */
  public int valueCount() {
    return dictionary.length;
  }

  /** The value with id {@code id}. */
  public String value(int id) {
    return dictionary[id];
  }

  /** The id of a value, if any item has it. */
  public OptionalInt id(String value) {
    Integer id = ids.get(value);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The items that have value {@code id}. */
  public OrdinalSet postings(int id) {
    return postings[id];
  }

  /** Start of item {@code ordinal}'s value ids in {@link #valueIdAt}. */
  public int rowStart(int ordinal) {
    return offsets[ordinal];
  }

  /** End (exclusive) of item {@code ordinal}'s value ids. */
  public int rowEnd(int ordinal) {
    return offsets[ordinal + 1];
  }

  /** The value id at position {@code p} of the rows. */
  public int valueIdAt(int p) {
    return valueIds[p];
  }

  /** The values of one item. */
  public List<String> values(int ordinal) {
    String[] out = new String[offsets[ordinal + 1] - offsets[ordinal]];
    for (int p = offsets[ordinal]; p < offsets[ordinal + 1]; p++) {
      out[p - offsets[ordinal]] = dictionary[valueIds[p]];
    }
    return List.of(out);
  }

  /** The dictionary (a copy), for persistence. */
  public String[] dictionary() {
    return dictionary.clone();
  }

  /** The row offsets (a copy), for persistence. */
  public int[] offsets() {
    return offsets.clone();
  }

  /** The value ids (a copy), for persistence. */
  public int[] valueIds() {
    return valueIds.clone();
  }
}
