package org.mnemosyne.web.admin;

import static java.util.stream.Collectors.toSet;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.db.cache.CacheStats;
import org.mnemosyne.db.cache.ExplanationCache;
import org.mnemosyne.db.catalog.CatalogRepository;
import org.mnemosyne.db.catalog.ItemReader;
import org.mnemosyne.db.catalog.ItemRecord;
import org.mnemosyne.db.catalog.Slug;
import org.mnemosyne.db.ingest.ImportListener;
import org.mnemosyne.db.ingest.ImportRequest;
import org.mnemosyne.db.ingest.ImportService;
import org.mnemosyne.db.ingest.ImportSettings;
import org.mnemosyne.db.job.JobRepository;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import org.mnemosyne.web.platform.Database;
import org.mnemosyne.web.platform.ModelService;
import org.mnemosyne.web.search.NotFoundException;
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
  @Inject CatalogAdmin catalog;
  @Inject org.mnemosyne.web.explain.CacheHits hits;

  private final ExecutorService imports =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "mnemosyne-import");
            t.setDaemon(true);
            return t;
          });

  /**
   * Takes one item down (admins and curators, within their scope): the index is rebuilt without it,
   * its cached explanations and its thumbnails are deleted.
   *
   * @throws NotFoundException if there is no active item with that id
   */
  public void withdrawItem(AdminScope scope, long itemId, String reason) {
    ItemRecord item =
        new ItemReader(database.tx())
            .find(itemId)
            .filter(ItemRecord::active)
            .orElseThrow(() -> new NotFoundException("no shown item " + itemId));
    long collection = catalog.collection(item.collectionSlug()).orElseThrow().id();
    catalog.checkCollection(scope, collection, "take items down from");
    if (!new CatalogRepository(database.tx()).withdrawItem(itemId, blankTo(reason, "takedown"))) {
      throw new NotFoundException("no shown item " + itemId);
    }
    indexes.rebuildNow();
  }

  /**
   * Takes a whole collection down (its items leave the index, their cached explanations and
   * thumbnails are deleted).
   *
   * @return items withdrawn
   */
  public int withdrawCollection(AdminScope scope, long id, String reason) {
    int n = catalog.withdraw(scope, id, blankTo(reason, "takedown"));
    indexes.rebuildNow();
    return n;
  }

  /**
   * Starts importing a source into a collection (created if new) in the background.
   *
   * @param source an absolute folder path (CSV + images, or plain images) or an http(s) URL of a
   *     IIIF manifest or collection
   * @param publish whether a new collection is shown at once; otherwise it is created as a draft
   *     that an admin publishes after checking it
   * @throws IllegalArgumentException for a malformed slug or a source that is neither
   * @throws AdminPermissionException if the collection or institution is not the admin's
   */
  public void startImport(
      AdminScope scope,
      String institution,
      String institutionName,
      String collection,
      String collectionName,
      String source,
      boolean publish) {
    Slug inst = new Slug(institution.trim().toLowerCase(Locale.ROOT));
    Slug coll = new Slug(collection.trim().toLowerCase(Locale.ROOT));
    URI uri = sourceUri(source.trim());
    prepareCollection(scope, inst, institutionName, coll, collectionName, publish);
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

  private void prepareCollection(
      AdminScope scope,
      Slug inst,
      String institutionName,
      Slug coll,
      String collectionName,
      boolean publish) {
    Optional<CollectionRow> existing = catalog.collection(coll.value());
    if (existing.isPresent()) {
      CollectionRow c = existing.get();
      if (!c.institutionSlug().equals(inst.value())) {
        throw new IllegalArgumentException(
            "collection '" + coll + "' belongs to institution '" + c.institutionSlug() + "'");
      }
      catalog.checkCollection(scope, c.id(), "import into");
      return;
    }
    if (catalog.institutionId(inst.value()).isEmpty()) {
      catalog.createInstitution(scope, inst.value(), blankTo(institutionName, inst.value()), null);
    }
    long id =
        catalog.createCollection(
            scope, inst.value(), coll.value(), blankTo(collectionName, coll.value()), null);
    if (publish) {
      catalog.publish(scope, id);
    }
  }

  /** Recent jobs of the collections the admin manages, newest first. */
  public List<JobRow> jobs(AdminScope scope, int limit) {
    Set<Long> mine =
        scope.siteWide()
            ? Set.of()
            : catalog.collections(scope).stream().map(CollectionRow::id).collect(toSet());
    return new JobRepository(database.tx())
        .recent(scope.siteWide() ? limit : limit * 10).stream()
            .filter(j -> scope.siteWide() || j.collectionId().map(mine::contains).orElse(false))
            .limit(limit)
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

  /** Asks a job to stop (one of the admin's collections). */
  public boolean cancelJob(AdminScope scope, long id) {
    JobRepository jobs = new JobRepository(database.tx());
    Optional<Long> collection =
        jobs.find(id).orElseThrow(() -> new NotFoundException("no job " + id)).collectionId();
    if (!scope.siteWide()) {
      catalog.checkCollection(
          scope,
          collection.orElseThrow(() -> new AdminPermissionException("not your job")),
          "stop");
    }
    return jobs.requestCancel(id);
  }

  /** What the explanation cache holds. */
  public CacheStats cacheStats() {
    return new ExplanationCache(database.tx()).stats();
  }

  /** Empties the explanation cache (portal-wide admins); returns how many were deleted. */
  public int clearCache(AdminScope scope) {
    scope.requireSiteWide("clear the explanation cache");
    int deleted = new ExplanationCache(database.tx()).clear();
    hits.forget();
    return deleted;
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
