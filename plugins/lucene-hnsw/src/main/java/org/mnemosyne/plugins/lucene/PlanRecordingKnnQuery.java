package org.mnemosyne.plugins.lucene;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.util.Bits;

/**
 * Lucene's {@link KnnFloatVectorQuery}, unchanged, that records which plan Lucene chose in each
 * segment. Lucene's filtered-search policy (9.12), per segment with {@code m} matching documents
 * and {@code c} candidates:
 *
 * <ul>
 *   <li>{@code m <= c}: exact search, every match scored ({@value #EXACT});
 *   <li>otherwise graph search restricted to the matches, allowed to visit at most {@code m + 1}
 *       nodes ({@value #GRAPH});
 *   <li>visit limit reached, or fewer than {@code c} results: exact search over the matches after
 *       all ({@value #FALLBACK}).
 * </ul>
 *
 * Without a filter every segment runs the graph search. One instance per search; the counters are
 * safe if Lucene searches segments concurrently.
 */
final class PlanRecordingKnnQuery extends KnnFloatVectorQuery {
  /** Graph search in every segment that had matches. */
  static final String GRAPH = "hnsw";

  /** Exact search because a segment had no more matches than candidates. */
  static final String EXACT = "hnsw-exact";

  /** Exact search after the graph search hit its visit limit. */
  static final String FALLBACK = "hnsw-exact-fallback";

  private final boolean filtered;
  private final Map<Integer, String> planBySegment = new ConcurrentHashMap<>();
  private final AtomicLong vectorsScored = new AtomicLong();
  private final AtomicLong nodesVisited = new AtomicLong();
  private final AtomicLong matching = new AtomicLong();

  /**
   * A query.
   *
   * @param field the vector field
   * @param target the query vector
   * @param candidates how many nearest documents the search collects
   * @param filter which documents may be returned, or null for all
   */
  PlanRecordingKnnQuery(String field, float[] target, int candidates, Query filter) {
    super(field, target, candidates, filter);
    this.filtered = filter != null;
  }

  @Override
  protected TopDocs approximateSearch(
      LeafReaderContext context,
      Bits acceptDocs,
      int visitedLimit,
      KnnCollectorManager knnCollectorManager)
      throws IOException {
    TopDocs results =
        super.approximateSearch(context, acceptDocs, visitedLimit, knnCollectorManager);
    planBySegment.put(context.ord, GRAPH);
    long visited = results.totalHits.value;
    nodesVisited.addAndGet(visited);
    vectorsScored.addAndGet(visited);
    matching.addAndGet(filtered ? visitedLimit - 1L : context.reader().numDocs());
    return results;
  }

  @Override
  protected TopDocs exactSearch(
      LeafReaderContext context, DocIdSetIterator acceptIterator, QueryTimeout queryTimeout)
      throws IOException {
    long cost = acceptIterator.cost();
    String before = planBySegment.put(context.ord, EXACT);
    if (before != null) {
      planBySegment.put(context.ord, FALLBACK);
    } else {
      matching.addAndGet(cost);
    }
    vectorsScored.addAndGet(cost);
    return super.exactSearch(context, acceptIterator, queryTimeout);
  }

  /**
   * The plans that ran, joined by {@code +} in the order graph, exact, fallback; {@value #GRAPH}
   * when no segment had a match.
   */
  String mode() {
    StringBuilder sb = new StringBuilder();
    for (String plan : new String[] {GRAPH, EXACT, FALLBACK}) {
      if (planBySegment.containsValue(plan)) {
        sb.append(sb.length() == 0 ? "" : "+").append(plan);
      }
    }
    return sb.length() == 0 ? GRAPH : sb.toString();
  }

  /** Vectors whose similarity was computed: nodes the graph searches visited plus exact scores. */
  long vectorsScored() {
    return vectorsScored.get();
  }

  /** Graph nodes visited. */
  long nodesVisited() {
    return nodesVisited.get();
  }

  /** Live documents that passed the filter, summed over the segments searched. */
  long matching() {
    return matching.get();
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
