package org.mnemosyne.web.admin;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.db.cache.CacheStats;
import org.mnemosyne.db.cache.ExplanationCache;
import org.mnemosyne.db.catalog.CatalogRepository;
import org.mnemosyne.db.catalog.Slug;
import org.mnemosyne.db.ingest.ImportListener;
import org.mnemosyne.db.ingest.ImportRequest;
import org.mnemosyne.db.ingest.ImportService;
import org.mnemosyne.db.ingest.ImportSettings;
import org.mnemosyne.db.job.JobRepository;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import org.mnemosyne.web.platform.Database;
import org.mnemosyne.web.platform.ModelService;
import org.mnemosyne.web.search.SearchIndexService;

/**
 * Admin operations. Imports run one at a time on a background thread as jobs of the general job
 * table (the page and the API show their progress); the portal's index follows the database by
 * itself once items are stored.
 */
@ApplicationScoped
public class AdminService {
  private static final Logger LOG = Logger.getLogger(AdminService.class.getName());

  @Inject Database database;
  @Inject PluginRegistry registry;
  @Inject ModelService models;
  @Inject SearchIndexService indexes;

  private final ExecutorService imports =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "mnemosyne-import");
            t.setDaemon(true);
            return t;
          });

  /** Every collection with its active item count. */
  public List<CollectionRow> collections() {
    CatalogRepository catalog = new CatalogRepository(database.tx());
    return catalog.collections().stream()
        .map(
            c ->
                new CollectionRow(
                    c.id(),
                    c.slug().value(),
                    c.name(),
                    c.institution().name(),
                    catalog.activeItemCount(c.id()),
                    c.active()))
        .toList();
  }

  /**
   * Takes a whole collection down: its items leave the index and their cached explanations go.
   *
   * @return items withdrawn
   */
  public int withdrawCollection(long id, String reason) {
    return new CatalogRepository(database.tx()).withdrawCollection(id, reason);
  }

  /**
   * Starts importing a source into a collection (created if new) in the background.
   *
   * @param source an absolute folder path (CSV + images, or plain images) or an http(s) URL of a
   *     IIIF manifest or collection
   * @throws IllegalArgumentException for a malformed slug or a source that is neither
   */
  public void startImport(
      String institution,
      String institutionName,
      String collection,
      String collectionName,
      String source) {
    Slug inst = new Slug(institution.trim().toLowerCase(Locale.ROOT));
    Slug coll = new Slug(collection.trim().toLowerCase(Locale.ROOT));
    URI uri = sourceUri(source.trim());
    ImportRequest request =
        ImportRequest.builder(inst, coll, new ImportSource(uri, Map.of()))
            .institutionName(blankTo(institutionName, inst.value()))
            .collectionName(blankTo(collectionName, coll.value()))
            .build();
    ImportService service =
        new ImportService(
            database.tx().dataSource(), registry, models.model(), ImportSettings.defaults());
    imports.execute(
        () -> {
          try {
            service.run(request, ImportListener.NONE, CancellationToken.NONE);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "import of " + uri + " failed", e);
          }
        });
  }

  /** Recent jobs, newest first. */
  public List<JobRow> jobs(int limit) {
    return new JobRepository(database.tx())
        .recent(limit).stream()
            .map(
                j ->
                    new JobRow(
                        j.id(),
                        j.type(),
                        j.subject(),
                        j.state().dbValue(),
                        j.checkpoint().progress(),
                        j.checkpoint().message() == null ? "" : j.checkpoint().message(),
                        j.error().orElse(""),
                        j.createdAt().toString()))
            .toList();
  }

  /** Asks a job to stop. */
  public boolean cancelJob(long id) {
    return new JobRepository(database.tx()).requestCancel(id);
  }

  /** What the explanation cache holds. */
  public CacheStats cacheStats() {
    return new ExplanationCache(database.tx()).stats();
  }

  /** Empties the explanation cache; returns how many were deleted. */
  public int clearCache() {
    return new ExplanationCache(database.tx()).clear();
  }

  /** Rebuilds the index now (it also follows the database by itself). */
  public void reindex() {
    indexes.rebuildNow();
  }

  private static URI sourceUri(String source) {
    if (source.startsWith("http://") || source.startsWith("https://")) {
      return URI.create(source);
    }
    Path p = Path.of(source);
    if (!p.isAbsolute() || !Files.isDirectory(p)) {
      throw new IllegalArgumentException(
          "the source must be an absolute folder on the server or an http(s) URL: " + source);
    }
    return p.toUri();
  }

  private static String blankTo(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s.trim();
  }

  @PreDestroy
  void stop() {
    imports.shutdownNow();
  }
}
