package org.mnemosyne.plugins.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.IndexFormatException;
import org.mnemosyne.api.index.IndexHeader;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.SearchResult;

/**
 * An <em>approximate</em> {@link ConditionalIndex} on a Lucene index: one document per item ({@link
 * ItemDocuments}), searched with a {@link PlanRecordingKnnQuery} whose filter is the condition
 * translated by {@link ConditionQueries}.
 *
 * <p><b>What is guaranteed.</b> Every hit satisfies the condition (Lucene only collects documents
 * that pass the filter); at most k hits, best first, ties by ascending id; scores are the dot
 * product recovered from Lucene's float score ({@code 2s - 1}, within ~1e-7 of the exact value).
 * <b>Not</b> guaranteed: that the hits are the true top k. Where Lucene's policy (see {@link
 * PlanRecordingKnnQuery}) scores every match exactly, they are; where it walks the graph, recall
 * depends on the data, on {@link HnswSettings#candidates()} and on the graph parameters, and a
 * broad condition may even return fewer than {@code min(k, matching)} hits. The result's mode says
 * which plan ran.
 *
 * <p><b>Updates.</b> {@link #add} replaces by id, {@link #remove} deletes by id; Lucene writes
 * small new segments and merges them in the background (TieredMergePolicy), so there is no full
 * rebuild; deleted documents are dropped by those merges. A search, size or remove after a write
 * first reopens the reader (near-real-time), so a thread always sees its own writes.
 *
 * <p><b>Concurrency.</b> Searches run concurrently, each on one point-in-time reader; writers are
 * serialised by a lock. {@link #save} commits and copies one commit's files.
 */
final class LuceneHnswIndex implements ConditionalIndex {
  /** The largest k a search accepts. */
  static final int MAX_K = 100_000;

  private static final Comparator<Hit> BEST_FIRST =
      Comparator.comparingDouble(Hit::score).reversed().thenComparingLong(Hit::itemId);

  private final String provider;
  private final String version;
  private final String modelId;
  private final int dimension;
  private final FacetSchema schema;
  private final HnswSettings settings;
  private final IndexStorage storage;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Object writeLock = new Object();
  private final AtomicBoolean stale = new AtomicBoolean();
  private volatile boolean closed;
  private volatile long checksum;

  private LuceneHnswIndex(
      LuceneHnswIndexProvider provider,
      String modelId,
      int dimension,
      FacetSchema schema,
      HnswSettings settings,
      IndexStorage storage,
      IndexWriterConfig.OpenMode mode)
      throws IOException {
    if (dimension <= 0 || dimension > HnswVectorsFormat.MAX_DIMENSIONS) {
      throw new IllegalArgumentException(
          "dimension must be between 1 and "
              + HnswVectorsFormat.MAX_DIMENSIONS
              + ", was "
              + dimension);
    }
    this.provider = provider.name();
    this.version = provider.version();
    this.modelId = Objects.requireNonNull(modelId, "modelId");
    this.dimension = dimension;
    this.schema = Objects.requireNonNull(schema, "schema");
    this.settings = settings;
    this.storage = storage;
    IndexWriterConfig config =
        new IndexWriterConfig()
            .setOpenMode(mode)
            .setCodec(HnswVectorsFormat.codec(settings))
            .setRAMBufferSizeMB(settings.ramBufferMb())
            .setCommitOnClose(false);
    this.writer = new IndexWriter(storage.directory(), config);
    try {
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException | RuntimeException e) {
      writer.rollback();
      throw e;
    }
  }

  /**
   * An empty index in fresh storage; the caller adds the items.
   *
   * @throws IllegalArgumentException if the dimension is not positive or above Lucene's limit
   */
  static LuceneHnswIndex create(
      LuceneHnswIndexProvider provider,
      String modelId,
      int dimension,
      FacetSchema schema,
      HnswSettings settings,
      IndexStorage storage) {
    try {
      return new LuceneHnswIndex(
          provider,
          modelId,
          dimension,
          schema,
          settings,
          storage,
          IndexWriterConfig.OpenMode.CREATE);
    } catch (IOException e) {
      storage.close();
      throw new UncheckedIOException("cannot create a Lucene index", e);
    }
  }

  /**
   * Opens the commit that {@link IndexArchive#read} copied into {@code storage}.
   *
   * @throws IndexFormatException if Lucene cannot open it or it disagrees with the header
   */
  static LuceneHnswIndex open(
      LuceneHnswIndexProvider provider,
      Path file,
      IndexArchive.Contents contents,
      HnswSettings settings,
      IndexStorage storage) {
    IndexArchive.Header h = contents.header();
    LuceneHnswIndex index;
    try {
      index =
          new LuceneHnswIndex(
              provider,
              h.modelId(),
              h.dimension(),
              contents.schema(),
              settings,
              storage,
              IndexWriterConfig.OpenMode.APPEND);
    } catch (IOException | RuntimeException e) {
      storage.close();
      throw new IndexFormatException(
          file + " is corrupt (Lucene cannot open it: " + e.getMessage() + ")", e);
    }
    try {
      index.checkAgainst(file, h);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
    index.checksum = h.checksum();
    return index;
  }

  private void checkAgainst(Path file, IndexArchive.Header h) {
    IndexSearcher s = acquire();
    try {
      long count = s.getIndexReader().numDocs();
      if (count != h.count()) {
        throw new IndexFormatException(
            file + " is corrupt (header says " + h.count() + " items, found " + count + ")");
      }
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        FieldInfos infos = leaf.reader().getFieldInfos();
        FieldInfo vectors = infos.fieldInfo(ItemDocuments.VECTOR);
        if (vectors != null && vectors.getVectorDimension() != dimension) {
          throw new IndexFormatException(
              file
                  + " is corrupt (header says dimension "
                  + dimension
                  + ", the vectors have "
                  + vectors.getVectorDimension()
                  + ")");
        }
      }
    } finally {
      release(s);
    }
  }

  /**
   * Provider, version, model, dimension and live count; the checksum is that of the file last saved
   * or loaded, 0 before either.
   */
  @Override
  public IndexHeader header() {
    return new IndexHeader(provider, version, modelId, dimension, size(), checksum);
  }

  @Override
  public FacetSchema schema() {
    return schema;
  }

  /** The settings this index searches (and writes new segments) with. */
  HnswSettings settings() {
    return settings;
  }

  @Override
  public SearchResult search(float[] query, Condition condition, int k) {
    long start = System.nanoTime();
    ensureOpen();
    Objects.requireNonNull(condition, "condition");
    checkQuery(query);
    if (k <= 0 || k > MAX_K) {
      throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", was " + k);
    }
    condition.validate(schema);
    Query filter = ConditionQueries.filter(condition);
    IndexSearcher s = acquire();
    try {
      int candidates = settings.candidatesFor(k);
      PlanRecordingKnnQuery knn =
          new PlanRecordingKnnQuery(ItemDocuments.VECTOR, query, candidates, filter);
      TopDocs top = s.search(knn, candidates);
      List<Hit> hits = hits(s, top);
      return new SearchResult(
          hits.subList(0, Math.min(k, hits.size())),
          knn.mode(),
          knn.vectorsScored(),
          knn.nodesVisited(),
          filter == null ? s.getIndexReader().numDocs() : knn.matching(),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new IllegalArgumentException(
          "the condition has more clauses than Lucene accepts ("
              + IndexSearcher.getMaxClauseCount()
              + ")",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Lucene search failed", e);
    } finally {
      release(s);
    }
  }

  /** The hits of Lucene's top documents: ids from doc values, best first, ties by id. */
  private static List<Hit> hits(IndexSearcher s, TopDocs top) throws IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      NumericDocValues ids = leaf.reader().getNumericDocValues(ItemDocuments.ID);
      if (ids == null || !ids.advanceExact(sd.doc - leaf.docBase)) {
        throw new IllegalStateException("document " + sd.doc + " has no item id");
      }
      hits.add(new Hit(ids.longValue(), ItemDocuments.dotOfScore(sd.score)));
    }
    hits.sort(BEST_FIRST);
    return hits;
  }

  private void checkQuery(float[] query) {
    Objects.requireNonNull(query, "query");
    if (query.length == 0) {
      throw new IllegalArgumentException("the query vector is empty");
    }
    if (query.length != dimension) {
      throw new IllegalArgumentException(
          "the query has dimension " + query.length + ", the index has " + dimension);
    }
    boolean zero = true;
    for (int j = 0; j < query.length; j++) {
      if (!Float.isFinite(query[j])) {
        throw new IllegalArgumentException("query component " + j + " is " + query[j]);
      }
      zero &= query[j] == 0;
    }
    if (zero) {
      throw new IllegalArgumentException("the query vector is all zeros");
    }
  }

  private void checkItem(IndexedItem item) {
    float[] v = item.vector();
    if (v.length != dimension) {
      throw new IllegalArgumentException(
          "item " + item.id() + " has dimension " + v.length + ", the index has " + dimension);
    }
    for (int j = 0; j < v.length; j++) {
      if (!Float.isFinite(v[j])) {
        throw new IllegalArgumentException(
            "item " + item.id() + " has a non-finite component " + j + ": " + v[j]);
      }
    }
  }

  @Override
  public void add(IndexedItem item) {
    Objects.requireNonNull(item, "item");
    checkItem(item);
    synchronized (writeLock) {
      ensureOpen();
      write(item);
    }
  }

  /** Adds or replaces one item; the caller holds the write lock (or builds alone). */
  void write(IndexedItem item) {
    try {
      writer.updateDocument(ItemDocuments.idTerm(item.id()), ItemDocuments.of(item, schema));
      stale.set(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add item " + item.id(), e);
    }
  }

  /** Adds an item while building, before the index is shared; checks it as {@link #add} does. */
  void buildAdd(IndexedItem item) {
    checkItem(item);
    write(item);
  }

  /**
   * Merges all segments into one (one graph, the fastest to search) and publishes the result.
   * Called once at the end of a build.
   */
  void finishBuild() {
    try {
      if (writer.getDocStats().maxDoc > 0) {
        writer.forceMerge(1);
      }
      stale.set(true);
    } catch (IOException | IllegalStateException e) {
      // Lucene reports a merge thread's failure (e.g. running out of heap) only as "this writer
      // hit an unrecoverable error"; the cause is the writer's tragic exception
      throw mergeFailure(writer.getTragicException(), e);
    }
  }

  /** The error for a failed final merge, naming its root cause and, for lack of memory, the fix. */
  static RuntimeException mergeFailure(Throwable tragic, Exception failure) {
    Throwable cause = tragic != null ? tragic : failure;
    String message = "cannot merge the Lucene index: " + cause;
    if (cause instanceof OutOfMemoryError) {
      message +=
          " (the merge of the HNSW graph holds the vectors and the graph in the heap: give the JVM"
              + " more, e.g. MNEMOSYNE_JAVA_OPTS=-Xmx16g, or build fewer items)";
    }
    return new IllegalStateException(message, cause);
  }

  @Override
  public boolean remove(long itemId) {
    synchronized (writeLock) {
      ensureOpen();
      IndexSearcher s = acquire();
      try {
        if (s.count(new TermQuery(ItemDocuments.idTerm(itemId))) == 0) {
          return false;
        }
        writer.deleteDocuments(ItemDocuments.idTerm(itemId));
        stale.set(true);
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove item " + itemId, e);
      } finally {
        release(s);
      }
    }
  }

  @Override
  public long size() {
    ensureOpen();
    IndexSearcher s = acquire();
    try {
      return s.getIndexReader().numDocs();
    } finally {
      release(s);
    }
  }

  /** Number of Lucene segments (graphs) now, for tests and monitoring. */
  int segmentCount() {
    IndexSearcher s = acquire();
    try {
      return s.getIndexReader().leaves().size();
    } finally {
      release(s);
    }
  }

  @Override
  public void save(Path file) throws IOException {
    synchronized (writeLock) {
      ensureOpen();
      writer.commit();
      SegmentInfos commit = SegmentInfos.readLatestCommit(storage.directory());
      long count = 0;
      for (var info : commit) {
        count += info.info.maxDoc() - info.getDelCount() - info.getSoftDelCount();
      }
      checksum =
          IndexArchive.write(
              file,
              new IndexArchive.Header(provider, version, modelId, dimension, count, 0),
              schema,
              storage.directory(),
              commit.files(true));
    }
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        searchers.close();
        writer.rollback(); // closes without committing: saved files are archives, not this
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the Lucene index", e);
      } finally {
        storage.close();
      }
    }
  }

  /** The current searcher, reopened first if a write happened since the last reopen. */
  private IndexSearcher acquire() {
    try {
      if (stale.getAndSet(false)) {
        searchers.maybeRefreshBlocking();
      }
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reopen the Lucene reader", e);
    }
  }

  private void release(IndexSearcher s) {
    try {
      searchers.release(s);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release a Lucene reader", e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the index is closed");
    }
  }
}
