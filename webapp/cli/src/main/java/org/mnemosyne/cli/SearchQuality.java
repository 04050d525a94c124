package org.mnemosyne.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;

/**
 * Precision@k of same-subject results, per query collection and target: for every labelled item of
 * a collection and every target — each collection, by the condition {@code collection:<target>},
 * and all items, unconditionally — the exact top k+1 of the index, the query itself dropped and the
 * rest cut to k; precision = share of those k that share a subject group with the query.
 *
 * <p>Next to it, per row (means over the queries): {@code chance}, the share of the target items
 * other than the query that share its subject — what a random ranking scores on average; {@code
 * best}, {@code min(k, relevant) / k}, what a perfect ranking scores; and for the unconditional row
 * the share of the k hits in the query's own collection. A query with no relevant item in a target
 * is left out of that row (it can score nothing and says nothing about the ranking); the row says
 * how many were. Stateless.
 */
final class SearchQuality {
  /** The facet the conditions use. */
  static final String COLLECTION = "collection";

  /** What one query scored against one target; absent when the target has nothing relevant. */
  private record Outcome(
      QualityItem query,
      Optional<String> target,
      double precision,
      double chance,
      double best,
      double own) {}

  private SearchQuality() {}

  /** Builds an index over the items with one facet, {@code collection}. */
  static ConditionalIndex buildIndex(
      IndexProvider provider, PluginContext context, String modelId, List<QualityItem> items) {
    int d = items.isEmpty() ? 0 : items.get(0).vector().length;
    long[] ids = items.stream().mapToLong(QualityItem::id).toArray();
    float[][] vectors = items.stream().map(QualityItem::vector).toArray(float[][]::new);
    List<ItemFacets> facets =
        items.stream()
            .map(i -> ItemFacets.builder().add(COLLECTION, i.collection()).build())
            .toList();
    FacetSchema schema = FacetSchema.of(FacetField.categorical(COLLECTION, false));
    return provider.build(
        context,
        new IndexCommand.ArraySource(modelId, d, schema, ids, vectors, facets),
        ProgressListener.NONE,
        CancellationToken.NONE);
  }

  /**
   * Evaluates every query collection against every target collection and all items.
   *
   * @param index an exact index over exactly {@code items}, with the {@code collection} facet
   * @param items the items, ids unique
   * @param collections the collections to report, in order
   * @param k the cut-off, positive
   * @param bySubject whether to add, after the rows over all queries, the same rows per subject
   *     group of the queries (a query with two groups counts in both), groups without queries left
   *     out
   * @return per query collection: one row per target collection, then the unconditional row; then
   *     the same per subject group, in {@link SubjectGroups#GROUPS} order, if asked for
   */
  static List<QualityRow> evaluate(
      ConditionalIndex index,
      List<QualityItem> items,
      List<String> collections,
      int k,
      boolean bySubject) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive, not " + k);
    }
    Map<Long, QualityItem> byId =
        items.stream().collect(Collectors.toMap(QualityItem::id, Function.identity()));
    List<Optional<String>> targets = new ArrayList<>();
    collections.forEach(c -> targets.add(Optional.of(c)));
    targets.add(Optional.empty());
    List<Outcome> outcomes = new ArrayList<>();
    for (QualityItem query : items) {
      if (collections.contains(query.collection()) && !query.subjects().isEmpty()) {
        for (Optional<String> t : targets) {
          measure(index, byId, items, query, t, k).ifPresent(outcomes::add);
        }
      }
    }
    List<Optional<String>> subjects = new ArrayList<>();
    subjects.add(Optional.empty());
    if (bySubject) {
      SubjectGroups.GROUPS.forEach(g -> subjects.add(Optional.of(g)));
    }
    List<QualityRow> rows = new ArrayList<>();
    for (Optional<String> subject : subjects) {
      for (String q : collections) {
        int labelled =
            (int)
                items.stream()
                    .filter(i -> i.collection().equals(q) && !i.subjects().isEmpty())
                    .filter(i -> subject.map(i.subjects()::contains).orElse(true))
                    .count();
        if (labelled == 0 && subject.isPresent()) {
          continue;
        }
        for (Optional<String> t : targets) {
          rows.add(row(outcomes, q, subject, t, labelled));
        }
      }
    }
    return rows;
  }

  private static Optional<Outcome> measure(
      ConditionalIndex index,
      Map<Long, QualityItem> byId,
      List<QualityItem> items,
      QualityItem query,
      Optional<String> target,
      int k) {
    int relevant = 0;
    int others = 0;
    for (QualityItem t : items) {
      if (t.id() != query.id() && target.map(t.collection()::equals).orElse(true)) {
        others++;
        relevant += query.sameSubject(t) ? 1 : 0;
      }
    }
    if (relevant == 0) {
      return Optional.empty();
    }
    Condition condition =
        target.<Condition>map(t -> Condition.term(COLLECTION, t)).orElse(Condition.ALL);
    List<QualityItem> hits = topK(index, byId, query, condition, k);
    long same = hits.stream().filter(query::sameSubject).count();
    long own = hits.stream().filter(h -> h.collection().equals(query.collection())).count();
    return Optional.of(
        new Outcome(
            query,
            target,
            same / (double) k,
            relevant / (double) others,
            Math.min(k, relevant) / (double) k,
            hits.isEmpty() ? 0 : own / (double) hits.size()));
  }

  private static QualityRow row(
      List<Outcome> outcomes,
      String queryCollection,
      Optional<String> subject,
      Optional<String> target,
      int labelled) {
    List<Outcome> in =
        outcomes.stream()
            .filter(
                o -> o.query().collection().equals(queryCollection) && o.target().equals(target))
            .filter(o -> subject.map(o.query().subjects()::contains).orElse(true))
            .toList();
    return new QualityRow(
        queryCollection,
        subject,
        target,
        labelled,
        in.size(),
        mean(in, Outcome::precision),
        mean(in, Outcome::chance),
        mean(in, Outcome::best),
        mean(in, Outcome::own));
  }

  private static double mean(List<Outcome> outcomes, ToDoubleFunction<Outcome> value) {
    return outcomes.stream().mapToDouble(value).average().orElse(0);
  }

  /** The k best hits other than the query itself. */
  private static List<QualityItem> topK(
      ConditionalIndex index,
      Map<Long, QualityItem> byId,
      QualityItem query,
      Condition condition,
      int k) {
    List<QualityItem> out = new ArrayList<>(k);
    for (Hit h : index.search(query.vector(), condition, k + 1).hits()) {
      if (h.itemId() != query.id() && out.size() < k) {
        out.add(byId.get(h.itemId()));
      }
    }
    return out;
  }
}
