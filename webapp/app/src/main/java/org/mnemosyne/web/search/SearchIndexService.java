package org.mnemosyne.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.VectorSource;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.db.embedding.DatabaseVectorSource;
import org.mnemosyne.runtime.config.ConfigKey;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import org.mnemosyne.runtime.search.FacetTable;
import org.mnemosyne.web.platform.Database;
import org.mnemosyne.web.platform.ModelService;

/**
 * Keeps the portal's index in step with the database, the source of truth: at most every {@value
 * #RECHECK_MILLIS} ms a search compares the database's {@link DatabaseVectorSource#fingerprint()}
 * with the one the current index was built from and, if they differ (an import stored items, an
 * item was withdrawn or re-embedded), rebuilds the index and the facet table from one scan and
 * swaps them in. Searches running meanwhile keep the snapshot they started with; only one thread
 * rebuilds, the others go on with the previous snapshot.
 *
 * <p>Each index built is saved under {@code <home>/index}, one file per model version and provider
 * ({@link IndexStore}); when the database has not changed since, the next start opens that file
 * instead of rebuilding (an admin's re-index always rebuilds).
 *
 * <p>The index provider is {@code mnemosyne.index.provider} (default {@code bounded-scan}), any
 * registered {@link IndexProvider}, plugins included. A full rebuild of the sample collections
 * takes well under a second; for collections of millions, incremental updates are the next step.
 */
@ApplicationScoped
public class SearchIndexService {
  /** How often the database is asked whether the index is stale. */
  static final long RECHECK_MILLIS = 2000;

  private static final Logger LOG = Logger.getLogger(SearchIndexService.class.getName());

  @Inject ModelService models;
  @Inject PluginRegistry registry;
  @Inject MnemosyneConfig config;
  @Inject Database database;
  @Inject Event<IndexRebuilt> rebuilt;
  @Inject DataLayout layout;

  private final ReentrantLock building = new ReentrantLock();
  private volatile IndexSnapshot current;
  private volatile long checkedAt;

  /**
   * The current snapshot, rebuilt first if the database changed since it was built (checked at most
   * every {@value #RECHECK_MILLIS} ms).
   *
   * @throws IllegalStateException if the model is unavailable
   */
  public IndexSnapshot snapshot() {
    IndexSnapshot s = current;
    if (s == null) {
      building.lock();
      try {
        if (current == null) {
          refresh(true);
        }
      } finally {
        building.unlock();
      }
      return current;
    }
    if (System.nanoTime() - checkedAt > RECHECK_MILLIS * 1_000_000 && building.tryLock()) {
      try {
        refresh(true);
      } finally {
        building.unlock();
      }
    }
    return current;
  }

  /** Rebuilds from the database now, whether or not it changed (never from a saved file). */
  public void rebuildNow() {
    building.lock();
    try {
      current = null;
      refresh(false);
    } finally {
      building.unlock();
    }
  }

  /** The current snapshot without checking the database (for status pages); may be empty. */
  public Optional<IndexSnapshot> peek() {
    return Optional.ofNullable(current);
  }

  private void refresh(boolean fromFile) {
    checkedAt = System.nanoTime();
    ModelInfo info = models.model().info();
    DatabaseVectorSource source =
        new DatabaseVectorSource(database.tx(), info.id(), info.version());
    String fingerprint = source.fingerprint();
    IndexSnapshot old = current;
    if (old != null && old.fingerprint().equals(fingerprint)) {
      return;
    }
    IndexSnapshot next = build(source, fingerprint, fromFile);
    current = next;
    checkedAt = System.nanoTime();
    try {
      rebuilt.fire(new IndexRebuilt(fingerprint, next.table().size()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "an observer of the index rebuild failed", e);
    }
  }

  private IndexSnapshot build(DatabaseVectorSource source, String fingerprint, boolean fromFile) {
    long start = System.nanoTime();
    FacetSchema schema = source.schema();
    String providerName = config.get(ConfigKey.INDEX_PROVIDER, "bounded-scan");
    long count = source.count();
    if (count == 0) {
      return new IndexSnapshot(
          Optional.empty(),
          FacetTable.empty(schema),
          fingerprint,
          providerName,
          source.modelId(),
          source.modelVersion(),
          Instant.now(),
          Duration.ofNanos(System.nanoTime() - start),
          java.util.Set.of());
    }
    IndexProvider provider = registry.require(IndexProvider.class, providerName);
    PluginContext context = registry.contextFor(provider);
    IndexStore store = new IndexStore(layout.indexDir());
    FacetTable.Builder opened = FacetTable.builder(schema);
    Optional<ConditionalIndex> saved =
        fromFile
            ? store.load(
                provider,
                context,
                source.modelId(),
                source.modelVersion(),
                source.dimension(),
                fingerprint)
            : Optional.empty();
    ConditionalIndex index =
        saved.filter(s -> sameItems(s, source, fingerprint, opened)).orElse(null);
    FacetTable facets;
    String how;
    if (index != null) {
      facets = opened.build();
      how = "opened from " + store.file(providerName, source.modelId(), source.modelVersion());
    } else {
      FacetTable.Builder table = FacetTable.builder(schema);
      VectorSource teed = new TeeSource(source, schema, count, table);
      index = provider.build(context, teed, ProgressListener.NONE, CancellationToken.NONE);
      facets = table.build();
      store.save(index, providerName, source.modelId(), source.modelVersion(), fingerprint);
      how = "built";
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String done = how;
    LOG.info(
        () ->
            String.format(
                "index %s %s: %d items of model %s in %d ms",
                providerName, done, facets.size(), source.modelId(), took.toMillis()));
    return new IndexSnapshot(
        Optional.of(index),
        facets,
        fingerprint,
        providerName,
        source.modelId(),
        source.modelVersion(),
        Instant.now(),
        took,
        knownValues(facets));
  }

  /**
   * Reads the facets of the items beside an index opened from a file (into {@code table}) and
   * checks that they are the index's items: same count, and the database unchanged meanwhile.
   */
  private static boolean sameItems(
      ConditionalIndex saved,
      DatabaseVectorSource source,
      String fingerprint,
      FacetTable.Builder table) {
    long[] n = {0};
    source.scanFacets(
        (id, itemFacets) -> {
          table.add(id, itemFacets);
          n[0]++;
        });
    if (n[0] == saved.size() && source.fingerprint().equals(fingerprint)) {
      return true;
    }
    LOG.info("the database changed while the saved index was opened; rebuilding");
    saved.close();
    return false;
  }

  private static java.util.Set<String> knownValues(FacetTable table) {
    java.util.Set<String> out = new java.util.HashSet<>();
    table
        .counts(org.mnemosyne.api.index.Condition.ALL, Integer.MAX_VALUE)
        .fields()
        .forEach(f -> f.values().forEach(v -> out.add(f.name() + '\0' + v.value())));
    return out;
  }

  /** The database source, with every scanned item's facets also collected into a table. */
  private record TeeSource(
      DatabaseVectorSource source, FacetSchema schema, long count, FacetTable.Builder table)
      implements VectorSource {
    @Override
    public String modelId() {
      return source.modelId();
    }

    @Override
    public int dimension() {
      return source.dimension();
    }

    @Override
    public void scan(Consumer<IndexedItem> sink) {
      source.scan(
          item -> {
            table.add(item.id(), item.facets());
            sink.accept(item);
          });
    }
  }
}
