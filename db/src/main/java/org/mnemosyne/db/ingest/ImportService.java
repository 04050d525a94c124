package org.mnemosyne.db.ingest;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.importer.Importer;
import org.mnemosyne.api.importer.ImporterProvider;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.db.catalog.CatalogRepository;
import org.mnemosyne.db.catalog.CollectionInfo;
import org.mnemosyne.db.catalog.Institution;
import org.mnemosyne.db.jdbc.Transactor;
import org.mnemosyne.db.job.Job;
import org.mnemosyne.db.job.JobLease;
import org.mnemosyne.db.job.JobRepository;
import org.mnemosyne.db.job.JobState;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.plugin.PluginRegistry;

/**
 * Imports collections into the database: the same code in the command-line tool and in the server.
 *
 * <p>{@link #run} creates the institution and collection if needed, takes the collection's {@link
 * JobLease} (one import per collection at a time, across processes), then either resumes the newest
 * unfinished import job of that collection — if it was started with the same source, importer,
 * options and model, and the request does not ask to restart — or creates a new one, and runs it to
 * the end on the calling thread (see {@link ImportRun} for the pipeline and its exactly-once
 * guarantee). A job left {@code running} by a dead process is taken over.
 *
 * <p>Re-importing an unchanged source is a no-op apart from the job itself: every item is found
 * unchanged (same record hash, same image hash) and nothing is re-embedded. A changed image is
 * re-embedded; a changed field only rewrites the item. With {@link
 * ImportRequest#withdrawMissing()}, items the source no longer has are withdrawn after a successful
 * run. Thread-safe; each call runs one import.
 */
public final class ImportService {
  private final DataSource dataSource;
  private final Transactor tx;
  private final PluginRegistry registry;
  private final EmbeddingModel model;
  private final ImportSettings settings;
  private final CatalogRepository catalog;
  private final JobRepository jobs;

  /**
   * A service.
   *
   * @param dataSource the database (migrated)
   * @param registry where importers come from
   * @param model the model that embeds images; the caller owns (and closes) it
   */
  public ImportService(
      DataSource dataSource,
      PluginRegistry registry,
      EmbeddingModel model,
      ImportSettings settings) {
    this.dataSource = dataSource;
    this.tx = new Transactor(dataSource);
    this.registry = registry;
    this.model = model;
    this.settings = settings;
    this.catalog = new CatalogRepository(tx);
    this.jobs = new JobRepository(tx);
  }

  /** The catalogue this service writes to. */
  public CatalogRepository catalog() {
    return catalog;
  }

  /** The jobs this service runs. */
  public JobRepository jobs() {
    return jobs;
  }

  /**
   * Runs (or resumes) an import to its end on the calling thread.
   *
   * @param listener receives progress after each committed batch
   * @param cancellation stops the import at the next row; the job ends {@code cancelled} and can be
   *     resumed
   * @return how the attempt ended (the job's problems included)
   * @throws IllegalArgumentException if no importer can read the source, or the collection belongs
   *     to another institution
   * @throws IllegalStateException if another process is importing into the same collection
   */
  public ImportSummary run(
      ImportRequest request, ImportListener listener, CancellationToken cancellation) {
    ImporterProvider provider =
        ImporterSelector.select(
            registry.providers(ImporterProvider.class), request.source(), request.importer());
    Institution institution =
        catalog.ensureInstitution(request.institution(), request.institutionName());
    CollectionInfo collection =
        catalog.ensureCollection(institution, request.collection(), request.collectionName());
    String subject = subject(collection.id());
    Map<String, String> parameters =
        ImportRun.parametersOf(
            request.source(), provider.name(), request.withdrawMissing(), model.info());
    parameters.put("batch-size", Integer.toString(request.batchSize()));
    try (JobLease lease = lease(subject, collection)) {
      Job job = jobFor(ImportRun.type(), lease, collection.id(), parameters, request.restart());
      return execute(
          provider,
          request.source(),
          job,
          request.batchSize(),
          request.withdrawMissing(),
          collection,
          listener,
          cancellation);
    }
  }

  /**
   * Resumes a stopped import job by id, with the parameters it was started with.
   *
   * @throws IllegalArgumentException if there is no such import job, or it has succeeded
   * @throws IllegalStateException if another process is working on its collection
   */
  public ImportSummary resume(long jobId, ImportListener listener, CancellationToken cancellation) {
    Job stored =
        jobs.find(jobId)
            .filter(j -> j.type().equals(ImportRun.type()))
            .orElseThrow(() -> new IllegalArgumentException("no import job " + jobId));
    if (stored.state() == JobState.SUCCEEDED) {
      throw new IllegalArgumentException("import job " + jobId + " has already succeeded");
    }
    CollectionInfo collection =
        catalog
            .findCollection(stored.collectionId().orElseThrow())
            .orElseThrow(
                () -> new IllegalArgumentException("the collection of job " + jobId + " is gone"));
    Map<String, String> p = stored.parameters();
    ImportSource source = sourceOf(p);
    ImporterProvider provider =
        ImporterSelector.select(
            registry.providers(ImporterProvider.class), source, Optional.of(p.get("importer")));
    try (JobLease lease = lease(stored.subject(), collection)) {
      jobs.failOrphans(lease, "interrupted: its process stopped before it finished");
      Job job = restart(lease, jobs.find(jobId).orElseThrow());
      int batchSize = Integer.parseInt(p.getOrDefault("batch-size", "32"));
      boolean withdraw = Boolean.parseBoolean(p.getOrDefault("withdraw-missing", "false"));
      return execute(
          provider, source, job, batchSize, withdraw, collection, listener, cancellation);
    }
  }

  /**
   * Gives every active item of a collection a vector of this service's model — another model, or a
   * new version of the same one — from the images the items point to, as a resumable job of type
   * {@code reembed} (the vectors of other models stay: one index per model can be built from them).
   * Items that already have a current vector are skipped, so running it twice is a no-op. An
   * unfinished re-embedding job for the same model is resumed.
   *
   * @throws IllegalArgumentException if there is no such collection
   * @throws IllegalStateException if another process is working on the collection
   */
  public ImportSummary reembed(
      org.mnemosyne.db.catalog.Slug collectionSlug,
      ImportListener listener,
      CancellationToken cancellation) {
    CollectionInfo collection =
        catalog
            .findCollection(collectionSlug)
            .orElseThrow(
                () -> new IllegalArgumentException("no collection '" + collectionSlug + "'"));
    Map<String, String> parameters = new java.util.LinkedHashMap<>();
    parameters.put("model", model.info().id());
    parameters.put("model-version", model.info().version());
    try (JobLease lease = lease(subject(collection.id()), collection)) {
      Job job = jobFor(ReembedRun.type(), lease, collection.id(), parameters, false);
      StageTimings timings = new StageTimings();
      try (BatchEmbedder embedder =
          new BatchEmbedder(
              model, new ImageDecoder(settings.maxPixels()), settings.decodeThreads(), timings)) {
        return new ReembedRun(
                dataSource,
                jobs,
                new ImageFetcher(settings.fetchTimeout(), settings.maxImageBytes()),
                embedder,
                model.info(),
                timings,
                listener,
                cancellation,
                job,
                ImportRequest.DEFAULT_BATCH_SIZE)
            .execute(collection.slug().value(), catalog.activeItemCount(collection.id()));
      }
    }
  }

  /** Asks a running import to stop at its next batch (from any process). */
  public boolean requestCancel(long jobId) {
    return jobs.requestCancel(jobId);
  }

  private JobLease lease(String subject, CollectionInfo collection) {
    return JobLease.tryAcquire(dataSource, subject)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "another process is importing into collection '"
                        + collection.slug()
                        + "'"
                        + jobs.latest(ImportRun.type(), subject)
                            .map(j -> " (job " + j.id() + ")")
                            .orElse("")
                        + "; wait for it or cancel it"));
  }

  /** Another attempt of a stopped job; the lease proves that no one else works on its subject. */
  private Job restart(JobLease lease, Job stopped) {
    if (!lease.subject().equals(stopped.subject())) {
      throw new IllegalStateException(
          "the lease on " + lease.subject() + " does not cover job " + stopped.id());
    }
    return jobs.restart(stopped.id());
  }

  /**
   * The job to run under the lease: the newest job of that type on the subject if it is unfinished
   * and was started with the same parameters (unless a restart is asked for), or a new one. Jobs
   * left running on the subject by a dead process are marked failed first.
   */
  private Job jobFor(
      String type,
      JobLease lease,
      long collectionId,
      Map<String, String> parameters,
      boolean restartRequested) {
    jobs.failOrphans(lease, "interrupted: its process stopped before it finished");
    Optional<Job> latest = jobs.latest(type, lease.subject());
    if (latest.isPresent()
        && latest.get().state().isResumable()
        && !restartRequested
        && latest.get().parameters().equals(parameters)) {
      return restart(lease, latest.get());
    }
    return jobs.createRunning(type, lease.subject(), Optional.of(collectionId), parameters);
  }

  private ImportSummary execute(
      ImporterProvider provider,
      ImportSource source,
      Job job,
      int batchSize,
      boolean withdraw,
      CollectionInfo collection,
      ImportListener listener,
      CancellationToken cancellation) {
    Importer importer = provider.create(registry.contextFor(provider));
    StageTimings timings = new StageTimings();
    try (BatchEmbedder embedder =
        new BatchEmbedder(
            model, new ImageDecoder(settings.maxPixels()), settings.decodeThreads(), timings)) {
      ImportRun run =
          new ImportRun(
              dataSource,
              jobs,
              new ImageFetcher(settings.fetchTimeout(), settings.maxImageBytes()),
              embedder,
              model.info(),
              new RecordNormalizer(localFolder(source)),
              timings,
              listener,
              cancellation,
              job,
              batchSize,
              withdraw);
      return run.execute(importer, source, collection.slug().value());
    }
  }

  private static Optional<Path> localFolder(ImportSource source) {
    String scheme = source.location().getScheme();
    if (scheme != null && !scheme.equalsIgnoreCase("file")) {
      return Optional.empty();
    }
    Path p = scheme == null ? Path.of(source.location().getPath()) : Path.of(source.location());
    return Optional.of(java.nio.file.Files.isDirectory(p) ? p : p.toAbsolutePath().getParent());
  }

  private static ImportSource sourceOf(Map<String, String> p) {
    Map<String, String> options = new java.util.TreeMap<>();
    p.forEach(
        (k, v) -> {
          if (k.startsWith("option.")) {
            options.put(k.substring("option.".length()), v);
          }
        });
    return new ImportSource(java.net.URI.create(p.get("source")), options);
  }

  /** The job subject of a collection. */
  public static String subject(long collectionId) {
    return "collection:" + collectionId;
  }
}
