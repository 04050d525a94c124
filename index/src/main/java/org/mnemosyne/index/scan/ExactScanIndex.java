package org.mnemosyne.index.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.IndexHeader;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.SearchResult;

/**
 * Exact conditional search by scanning every item. Searches share a read lock, updates take the
 * write lock, so each search sees a consistent state.
 */
public final class ExactScanIndex implements ConditionalIndex {
  /** Best first; equal scores by ascending id. */
  static final Comparator<Hit> BEST_FIRST =
      Comparator.comparingDouble(Hit::score).reversed().thenComparingLong(Hit::itemId);

  private final String modelId;
  private final int dimension;
  private final FacetSchema schema;
  private final Map<Long, IndexedItem> items = new LinkedHashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  ExactScanIndex(String modelId, int dimension, FacetSchema schema) {
    this.modelId = modelId;
    this.dimension = dimension;
    this.schema = schema;
  }

  @Override
  public IndexHeader header() {
    return new IndexHeader(
        ExactScanIndexProvider.NAME, ExactScanIndexProvider.VERSION, modelId, dimension, size(), 0);
  }

  @Override
  public FacetSchema schema() {
    return schema;
  }

  @Override
  public SearchResult search(float[] query, Condition condition, int k) {
    long start = System.nanoTime();
    if (query.length != dimension) {
      throw new IllegalArgumentException(
          "query has dimension " + query.length + ", index has " + dimension);
    }
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive");
    }
    condition.validate(schema);
    PriorityQueue<Hit> worstFirst = new PriorityQueue<>(BEST_FIRST.reversed());
    long scored = 0;
    lock.readLock().lock();
    try {
      for (IndexedItem item : items.values()) {
        if (!condition.test(item.facets())) {
          continue;
        }
        scored++;
        Hit hit = new Hit(item.id(), dot(query, item.vector()));
        if (worstFirst.size() < k) {
          worstFirst.add(hit);
        } else if (BEST_FIRST.compare(hit, worstFirst.peek()) < 0) {
          worstFirst.poll();
          worstFirst.add(hit);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    List<Hit> hits = new ArrayList<>(worstFirst);
    hits.sort(BEST_FIRST);
    return new SearchResult(
        hits, "scan", scored, 0, scored, Duration.ofNanos(System.nanoTime() - start));
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  public void add(IndexedItem item) {
    if (item.vector().length != dimension) {
      throw new IllegalArgumentException(
          "item "
              + item.id()
              + " has dimension "
              + item.vector().length
              + ", index has "
              + dimension);
    }
    lock.writeLock().lock();
    try {
      items.put(item.id(), item);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public boolean remove(long itemId) {
    lock.writeLock().lock();
    try {
      return items.remove(itemId) != null;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public long size() {
    lock.readLock().lock();
    try {
      return items.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void save(Path file) throws IOException {
    List<IndexedItem> snapshot;
    lock.readLock().lock();
    try {
      snapshot = new ArrayList<>(items.values());
    } finally {
      lock.readLock().unlock();
    }
    ExactScanIndexFile.write(file, modelId, dimension, schema, snapshot);
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      items.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
