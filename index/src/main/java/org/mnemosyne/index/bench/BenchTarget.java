package org.mnemosyne.index.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mnemosyne.api.index.Condition;

/**
 * One benchmark condition: an OR of values of one categorical field of a {@link BenchCollection}
 * (one value for a single-value condition), or no condition at all.
 *
 * @param field the field index in the collection, or -1 for "no condition"
 * @param fieldName the field's name
 * @param values the value ordinals of the field
 * @param names the values' names, in the same order
 * @param selectivity the exact fraction of items that match
 */
public record BenchTarget(
    int field, String fieldName, int[] values, String[] names, double selectivity) {
  /** Matches every item. */
  public static final BenchTarget ALL = new BenchTarget(-1, "", new int[0], new String[0], 1.0);

  /** Copies the arrays. */
  public BenchTarget {
    values = values.clone();
    names = names.clone();
  }

  /** The condition as the indexes see it. */
  public Condition condition() {
    if (field < 0) {
      return Condition.ALL;
    }
    List<Condition> terms = new ArrayList<>();
    for (String v : names) {
      terms.add(Condition.term(fieldName, v));
    }
    return terms.size() == 1 ? terms.get(0) : Condition.or(terms);
  }

  /** Whether this is an OR of more than one value. */
  public boolean isOr() {
    return values.length > 1;
  }

  /** A short label: the selectivity and the condition text. */
  public String label() {
    if (field < 0) {
      return "100 % (no condition)";
    }
    return String.format(
        Locale.ROOT, "%.3g %% (%s)", 100 * selectivity, condition().toQueryString());
  }
}
