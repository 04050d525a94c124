package org.mnemosyne.plugins.lucene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.mnemosyne.api.index.Condition;

/**
 * Translates a {@link Condition} into a Lucene query that matches exactly the documents of the
 * items for which {@link Condition#test} is true (fields as written by {@link ItemDocuments}):
 *
 * <ul>
 *   <li>{@code Term} → {@link TermQuery} on the facet's field;
 *   <li>{@code Range} → {@link DoublePoint#newRangeQuery} with an open end as an infinite bound
 *       (points are multi-valued exactly as facets are: a document matches when any value does);
 *   <li>{@code And} → {@link BooleanQuery} of {@code FILTER} clauses, a negated child as a {@code
 *       MUST_NOT} clause, plus {@link MatchAllDocsQuery} when every child is negated; no children →
 *       every document;
 *   <li>{@code Or} → {@code SHOULD} clauses, the terms on one field gathered into one {@link
 *       TermInSetQuery}; no children → no document;
 *   <li>{@code Not} → {@link MatchAllDocsQuery} minus the child ({@code MUST_NOT}); a document
 *       without the facet does not match the child, so it matches the negation, as {@link
 *       Condition#test} says;
 *   <li>{@code All} → {@link MatchAllDocsQuery}.
 * </ul>
 *
 * Stateless.
 */
final class ConditionQueries {
  private ConditionQueries() {}

  /**
   * The filter for a search, or null when the condition restricts nothing.
   *
   * @param condition a condition validated against the index's schema
   */
  static Query filter(Condition condition) {
    Condition c = condition.normalize();
    return c instanceof Condition.All ? null : query(c);
  }

  /** The query matching exactly the items that satisfy {@code condition}. */
  static Query query(Condition condition) {
    if (condition instanceof Condition.All) {
      return new MatchAllDocsQuery();
    } else if (condition instanceof Condition.Term t) {
      return new TermQuery(new Term(t.field(), t.value()));
    } else if (condition instanceof Condition.Range r) {
      return DoublePoint.newRangeQuery(
          r.field(),
          r.from() == null ? Double.NEGATIVE_INFINITY : r.from(),
          r.to() == null ? Double.POSITIVE_INFINITY : r.to());
    } else if (condition instanceof Condition.And a) {
      return and(a.children());
    } else if (condition instanceof Condition.Or o) {
      return or(o.children());
    } else {
      Condition.Not n = (Condition.Not) condition;
      return new BooleanQuery.Builder()
          .add(new MatchAllDocsQuery(), Occur.FILTER)
          .add(query(n.child()), Occur.MUST_NOT)
          .build();
    }
  }

  private static Query and(List<Condition> children) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean positive = false;
    for (Condition child : children) {
      if (child instanceof Condition.Not n) {
        b.add(query(n.child()), Occur.MUST_NOT);
      } else {
        b.add(query(child), Occur.FILTER);
        positive = true;
      }
    }
    if (!positive) {
      b.add(new MatchAllDocsQuery(), Occur.FILTER);
    }
    return b.build();
  }

  private static Query or(List<Condition> children) {
    if (children.isEmpty()) {
      return new MatchNoDocsQuery("an OR of no conditions");
    }
    Map<String, List<BytesRef>> termsByField = new LinkedHashMap<>();
    List<Query> others = new ArrayList<>();
    for (Condition child : children) {
      if (child instanceof Condition.Term t) {
        termsByField
            .computeIfAbsent(t.field(), f -> new ArrayList<>())
            .add(new BytesRef(t.value()));
      } else {
        others.add(query(child));
      }
    }
    termsByField.forEach(
        (field, terms) ->
            others.add(
                terms.size() == 1
                    ? new TermQuery(new Term(field, terms.get(0)))
                    : new TermInSetQuery(field, terms)));
    if (others.size() == 1) {
      return others.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    others.forEach(q -> b.add(q, Occur.SHOULD));
    return b.build();
  }
}
