package org.mnemosyne.index.facet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mnemosyne.api.index.Condition;

/**
 * Evaluates a {@link Condition} to the set of item ordinals it matches, from postings and sorted
 * numbers, never testing items one by one.
 *
 * <p>Semantics are those of {@link Condition#test}: a term is the postings of its value; a value no
 * item has matches nothing (logged once per field and value at {@code WARNING}); a range is the
 * items with some number in it; a missing facet satisfies neither, so {@code NOT} matches it. An
 * {@code AND} intersects its positive children smallest first and subtracts its negated ones, so
 * {@code a AND NOT b} never materialises the complement of {@code b}. The condition must have been
 * {@link Condition#validate validated} against the columns' schema.
 */
public final class ConditionEvaluator {
  private static final System.Logger LOG = System.getLogger(ConditionEvaluator.class.getName());
  private static final int MAX_WARNED = 4096;
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private ConditionEvaluator() {}

  /**
   * The ordinals of the items that satisfy {@code condition}.
   *
   * @param condition a condition validated against {@code columns.schema()}
   * @param columns the facets of the items
   * @return a set over {@code [0, columns.size())}
   */
  public static OrdinalSet evaluate(Condition condition, FacetColumns columns) {
    int n = columns.size();
    if (condition instanceof Condition.All) {
      return OrdinalSet.all(n);
    }
    if (condition instanceof Condition.Term t) {
      OptionalInt id = columns.categorical(t.field()).id(t.value());
      if (id.isEmpty()) {
        warnUnknown(t);
        return OrdinalSet.empty(n);
      }
      return columns.categorical(t.field()).postings(id.getAsInt());
    }
    if (condition instanceof Condition.Range r) {
      return columns.numeric(r.field()).range(r.from(), r.to());
    }
    if (condition instanceof Condition.Not not) {
      return evaluate(not.child(), columns).complement();
    }
    if (condition instanceof Condition.Or or) {
      OrdinalSet result = null;
      for (Condition c : or.children()) {
        OrdinalSet s = evaluate(c, columns);
        result = result == null ? s : result.or(s);
        if (result.cardinality() == n) {
          break;
        }
      }
      return result == null ? OrdinalSet.empty(n) : result;
    }
    Condition.And and = (Condition.And) condition;
    List<OrdinalSet> positive = new ArrayList<>();
    List<OrdinalSet> negated = new ArrayList<>();
    for (Condition c : and.children()) {
      OrdinalSet s = evaluate(c instanceof Condition.Not not ? not.child() : c, columns);
      (c instanceof Condition.Not ? negated : positive).add(s);
    }
    positive.sort(Comparator.comparingInt(OrdinalSet::cardinality));
    OrdinalSet result = positive.isEmpty() ? OrdinalSet.all(n) : positive.get(0);
    for (int i = 1; i < positive.size() && !result.isEmpty(); i++) {
      result = result.and(positive.get(i));
    }
    for (int i = 0; i < negated.size() && !result.isEmpty(); i++) {
      result = result.andNot(negated.get(i));
    }
    return result;
  }

  private static void warnUnknown(Condition.Term t) {
    String key = t.field() + '\u0000' + t.value();
    if (WARNED.size() < MAX_WARNED && WARNED.add(key)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "condition term {0}:{1} names a value no indexed item has; it matches nothing",
          t.field(),
          t.value());
    }
  }
}
