package org.mnemosyne.index.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.IndexHeader;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.SearchResult;
import org.mnemosyne.api.index.VectorSource;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.index.facet.ConditionEvaluator;
import org.mnemosyne.index.facet.OrdinalSet;
import org.mnemosyne.index.vector.DotProduct;
import org.mnemosyne.index.vector.QueryVector;
import org.mnemosyne.index.vector.TopHits;

/**
 * An exact {@link ConditionalIndex} made of immutable segments of one {@link IndexFlavor}.
 *
 * <p><b>Search.</b> The condition is validated against the schema (an unknown facet is an {@link
 * IllegalArgumentException}) and {@link Condition#normalize normalized}, so equivalent conditions
 * plan the same. For every segment, largest first, it is evaluated to the set of matching ordinals
 * from the postings (minus deleted items); the segment's planner picks its mode from that
 * cardinality and offers candidates to one shared top-k heap, so the threshold reached in one
 * segment prunes the next. Buffered items are tested one by one. The result's mode joins the modes
 * that ran ({@code postings-scan}, {@code postings-code-scan}, {@code quantized-scan}, {@code
 * block-scan}, {@code tree}, {@code scan}, {@code buffer}); {@code vectorsScored} counts exact and
 * approximate (quantised) scores; {@code matching} is the exact number of live matching items.
 * Scores are always the canonical dot product ({@link DotProduct}); ties go to the smaller id.
 *
 * <p><b>Updates without rebuilding</b> ({@link UpdatePolicy}). {@link #add} first deletes a
 * previous version of the id, then appends the item to a small buffer; a full buffer becomes a new
 * segment of the flavor's kind. {@link #remove} marks the ordinal deleted in a copy of its
 * segment's deletion set. When there are more than {@code maxSegments} segments, all but the
 * largest are merged into one. <b>Rebuild point:</b> when the live items outside the largest
 * segment exceed {@code rebuildFraction} of its live items (and {@code rebuildMinimum}), or a
 * {@code rebuildFraction} of its items is deleted, everything live is rebuilt into one segment. The
 * merge or rebuild runs inside the {@code add} or {@code remove} call that triggers it.
 *
 * <p><b>Concurrency.</b> The state is an immutable {@link Snapshot} behind a volatile reference:
 * searches never lock and each sees one consistent snapshot; writers are serialised by a lock and
 * publish a new snapshot when done (copy-on-write), so a long rebuild never blocks readers. {@link
 * #save} writes one snapshot.
 */
public final class SegmentedIndex implements ConditionalIndex {
  /** The largest k a search accepts. */
  public static final int MAX_K = 100_000;

  private final IndexFlavor flavor;
  private final String modelId;
  private final int dimension;
  private final FacetSchema schema;
  private final Object writeLock = new Object();
  private volatile Snapshot snapshot;
  private volatile boolean closed;
  private volatile long checksum;

  SegmentedIndex(
      IndexFlavor flavor, String modelId, int dimension, FacetSchema schema, Snapshot snapshot) {
    this.flavor = Objects.requireNonNull(flavor, "flavor");
    this.modelId = Objects.requireNonNull(modelId, "modelId");
    this.schema = Objects.requireNonNull(schema, "schema");
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be positive, was " + dimension);
    }
    this.dimension = dimension;
    this.snapshot = snapshot;
  }

  /**
   * Builds an index from every item of a source.
   *
   * @throws org.mnemosyne.api.progress.CancelledException if cancelled while reading the source
   * @throws IllegalArgumentException if an item has the wrong dimension or a non-finite component
   */
  public static SegmentedIndex build(
      IndexFlavor flavor,
      VectorSource source,
      ProgressListener progress,
      CancellationToken cancellation) {
    int d = source.dimension();
    long total = source.count();
    Map<Long, Entry> byId = new LinkedHashMap<>();
    long[] done = {0};
    source.scan(
        item -> {
          if ((done[0] & 1023) == 0) {
            cancellation.throwIfCancelled();
            progress.progress(done[0], total, "reading vectors");
          }
          Entry e = Entry.of(item);
          QueryVector.checkItem(e.id(), e.vector(), d);
          byId.remove(e.id());
          byId.put(e.id(), e);
          done[0]++;
        });
    cancellation.throwIfCancelled();
    progress.progress(done[0], total, "building " + flavor.kind().name() + " segment");
    List<Entry> entries = new ArrayList<>(byId.values());
    List<Snapshot.LiveSegment> segments =
        entries.isEmpty()
            ? List.of()
            : List.of(
                new Snapshot.LiveSegment(flavor.kind().build(entries, d, source.schema()), null));
    progress.progress(done[0], total, "built");
    return new SegmentedIndex(
        flavor, source.modelId(), d, source.schema(), new Snapshot(segments, List.of()));
  }

  /**
   * Opens a saved index.
   *
   * @throws org.mnemosyne.api.index.IndexFormatException if the file is corrupt or written by
   *     another provider, version, model or dimension
   */
  public static SegmentedIndex load(
      IndexFlavor flavor, Path file, String expectedModelId, int expectedDimension) {
    return IndexFile.read(file, flavor, expectedModelId, expectedDimension);
  }

  /**
   * Provider, version, model, dimension and live count; the checksum is that of the file last saved
   * or loaded, 0 before either.
   */
  @Override
  public IndexHeader header() {
    return new IndexHeader(
        flavor.provider(), flavor.version(), modelId, dimension, size(), checksum);
  }

  @Override
  public FacetSchema schema() {
    return schema;
  }

  /** The flavor. */
  public IndexFlavor flavor() {
    return flavor;
  }

  @Override
  public SearchResult search(float[] query, Condition condition, int k) {
    return search(query, condition, k, new SearchStats());
  }

  /**
   * Searches as {@link #search(float[], Condition, int)}, also filling in detailed statistics.
   *
   * @param stats receives what the search did
   */
  public SearchResult search(float[] query, Condition condition, int k, SearchStats stats) {
    long start = System.nanoTime();
    ensureOpen();
    Objects.requireNonNull(condition, "condition");
    QueryVector q = QueryVector.of(query, dimension);
    if (k <= 0 || k > MAX_K) {
      throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", was " + k);
    }
    condition.validate(schema);
    Condition c = condition.normalize();
    boolean unconditional = c instanceof Condition.All;
    Snapshot s = snapshot;
    TopHits hits = new TopHits(k, s.size());
    for (Snapshot.LiveSegment live : s.segments()) {
      Segment segment = live.segment();
      OrdinalSet matches =
          unconditional
              ? OrdinalSet.all(segment.size())
              : ConditionEvaluator.evaluate(c, segment.data.facets());
      if (live.deleted() != null) {
        matches = matches.andNot(live.deleted());
      }
      stats.matching += matches.cardinality();
      segment.search(
          new SegmentQuery(q, c, matches, unconditional && live.deleted() == null), hits, stats);
    }
    if (!s.buffer().isEmpty()) {
      stats.mode("buffer");
      for (Entry e : s.buffer()) {
        if (unconditional || c.test(e.facets())) {
          stats.matching++;
          stats.exactScores++;
          hits.offer(DotProduct.dot(q.padded(), 0, e.vector(), 0, dimension), e.id());
        }
      }
    }
    return new SearchResult(
        hits.toHits(),
        stats.modes(),
        stats.exactScores + stats.approximateScores,
        stats.nodesVisited,
        stats.matching,
        Duration.ofNanos(System.nanoTime() - start));
  }

  @Override
  public void add(IndexedItem item) {
    Objects.requireNonNull(item, "item");
    Entry e = Entry.of(item);
    QueryVector.checkItem(e.id(), e.vector(), dimension);
    synchronized (writeLock) {
      ensureOpen();
      Snapshot s = without(snapshot, e.id());
      List<Entry> buffer = new ArrayList<>(s.buffer());
      buffer.add(e);
      List<Snapshot.LiveSegment> segments = new ArrayList<>(s.segments());
      if (buffer.size() >= flavor.policy().bufferSize()) {
        segments.add(
            new Snapshot.LiveSegment(flavor.kind().build(buffer, dimension, schema), null));
        buffer = List.of();
      }
      snapshot = maintain(segments, buffer);
    }
  }

  @Override
  public boolean remove(long itemId) {
    synchronized (writeLock) {
      ensureOpen();
      Snapshot s = snapshot;
      Snapshot after = without(s, itemId);
      if (after == s) {
        return false;
      }
      snapshot = maintain(new ArrayList<>(after.segments()), after.buffer());
      return true;
    }
  }

  /** The snapshot without the live item {@code id}, or the same snapshot when it is absent. */
  private static Snapshot without(Snapshot s, long id) {
    for (int i = 0; i < s.buffer().size(); i++) {
      if (s.buffer().get(i).id() == id) {
        List<Entry> buffer = new ArrayList<>(s.buffer());
        buffer.remove(i);
        return new Snapshot(s.segments(), buffer);
      }
    }
    for (int i = 0; i < s.segments().size(); i++) {
      Snapshot.LiveSegment live = s.segments().get(i);
      int ordinal = live.segment().ordinalOf(id);
      if (live.isLive(ordinal)) {
        int n = live.segment().size();
        OrdinalSet one = OrdinalSet.ofSorted(n, new int[] {ordinal}, 1);
        OrdinalSet deleted = live.deleted() == null ? one : live.deleted().or(one);
        List<Snapshot.LiveSegment> segments = new ArrayList<>(s.segments());
        segments.set(i, new Snapshot.LiveSegment(live.segment(), deleted));
        return new Snapshot(segments, s.buffer());
      }
    }
    return s;
  }

  /** Applies the merge and rebuild policy; returns the snapshot to publish. */
  private Snapshot maintain(List<Snapshot.LiveSegment> segments, List<Entry> buffer) {
    segments.removeIf(live -> live.live() == 0);
    segments.sort(
        Comparator.comparingInt((Snapshot.LiveSegment l) -> l.segment().size()).reversed());
    UpdatePolicy policy = flavor.policy();
    if (!segments.isEmpty()) {
      Snapshot.LiveSegment base = segments.get(0);
      long outside = 0;
      for (int i = 1; i < segments.size(); i++) {
        outside += segments.get(i).live();
      }
      long baseDeleted = base.segment().size() - base.live();
      double limit = Math.max(policy.rebuildMinimum(), policy.rebuildFraction() * base.live());
      if (outside > limit
          || (baseDeleted > policy.rebuildFraction() * base.segment().size()
              && baseDeleted > Math.min(policy.rebuildMinimum(), base.segment().size() / 2))) {
        return new Snapshot(List.of(merge(segments)), buffer);
      }
      if (segments.size() > policy.maxSegments()) {
        List<Snapshot.LiveSegment> merged = new ArrayList<>();
        merged.add(base);
        merged.add(merge(segments.subList(1, segments.size())));
        return new Snapshot(merged, buffer);
      }
    }
    return new Snapshot(segments, buffer);
  }

  /** One new segment holding the live items of {@code parts}. */
  private Snapshot.LiveSegment merge(List<Snapshot.LiveSegment> parts) {
    List<Entry> entries = new ArrayList<>();
    for (Snapshot.LiveSegment live : parts) {
      for (int p = 0; p < live.segment().size(); p++) {
        if (live.isLive(p)) {
          entries.add(live.segment().entry(p));
        }
      }
    }
    return new Snapshot.LiveSegment(flavor.kind().build(entries, dimension, schema), null);
  }

  @Override
  public long size() {
    return snapshot.size();
  }

  /** Number of segments now (for tests and monitoring). */
  public int segmentCount() {
    return snapshot.segments().size();
  }

  /** Approximate bytes held by the segments (vectors, codes, trees). */
  public long bytes() {
    long b = 0;
    for (Snapshot.LiveSegment s : snapshot.segments()) {
      b += s.segment().bytes();
    }
    return b;
  }

  @Override
  public void save(Path file) throws IOException {
    ensureOpen();
    checksum = IndexFile.write(file, this, snapshot);
  }

  void loadedChecksum(long value) {
    checksum = value;
  }

  String modelId() {
    return modelId;
  }

  int dimension() {
    return dimension;
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      closed = true;
      snapshot = Snapshot.EMPTY;
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the index is closed");
    }
  }
}
