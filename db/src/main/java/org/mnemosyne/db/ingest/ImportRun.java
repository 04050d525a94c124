package org.mnemosyne.db.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.mnemosyne.api.importer.ImportRecord;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.importer.Importer;
import org.mnemosyne.api.importer.RecordSink;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.CancelledException;
import org.mnemosyne.db.catalog.FacetDictionary;
import org.mnemosyne.db.catalog.ItemDraft;
import org.mnemosyne.db.catalog.ItemImage;
import org.mnemosyne.db.catalog.ItemRepository;
import org.mnemosyne.db.catalog.StoredItem;
import org.mnemosyne.db.embedding.EmbeddingRepository;
import org.mnemosyne.db.jdbc.DataAccessException;
import org.mnemosyne.db.jdbc.Transactor;
import org.mnemosyne.db.job.Job;
import org.mnemosyne.db.job.JobCheckpoint;
import org.mnemosyne.db.job.JobProblem;
import org.mnemosyne.db.job.JobRepository;
import org.mnemosyne.db.job.JobState;
import org.mnemosyne.db.job.Severity;

/**
 * One attempt at an import job. The importer streams the source; every event (a record or a
 * rejected row) gets the next <em>ordinal</em>. Events are gathered into batches, and each batch is
 * handled as: normalise → look up the stored items → read the image bytes and hash them → decode
 * and embed only new or changed images → write items, facets, vectors, problems and the job's
 * checkpoint in <b>one transaction</b>. The checkpoint's cursor is the ordinal after the batch.
 *
 * <p>Exactly once: a resumed attempt reads the source again from the start and skips every event
 * below the cursor (they are committed, counters included), only noting their ids for the duplicate
 * check; a crash loses at most the uncommitted batch, which the next attempt redoes. This assumes
 * the source has not changed in between; if it has, items are still upserted by (collection, source
 * id), so nothing is duplicated, but counters may be off. Not thread-safe: one attempt, one thread.
 */
final class ImportRun {
  private static final String TYPE = "import";

  private final DataSource dataSource;
  private final JobRepository jobs;
  private final ItemRepository items = new ItemRepository();
  private final EmbeddingRepository embeddings = new EmbeddingRepository();
  private final FacetDictionary dictionary = new FacetDictionary();
  private final ImageFetcher fetcher;
  private final BatchEmbedder embedder;
  private final ModelInfo model;
  private final RecordNormalizer normalizer;
  private final StageTimings timings;
  private final ImportListener listener;
  private final CancellationToken localCancel;

  private final Job job;
  private final long collectionId;
  private final int batchSize;
  private final boolean withdrawMissing;
  private final long cursor;
  private final Map<String, String> seen = new HashMap<>();
  private final List<Pending> batch = new ArrayList<>();
  private long nextOrdinal;
  private Counters counters;
  private double fraction;
  private String where = "";
  private long embeddedThisAttempt;
  private long startNanos;
  private double startFraction = -1;
  private volatile boolean cancelRequested;
  private Connection connection;
  // Time spent in flush() while the importer was reading: it belongs to the other stages.
  private long insideRead;

  /** One event of the source: a record, or a row the importer refused. */
  private record Pending(
      long ordinal, String where, ImportRecord record, String rejection, String duplicateOf) {}

  /** A record that passed normalisation, with its image once read. */
  private static final class Candidate {
    final Pending pending;
    final ItemDraft draft;
    final List<RecordNormalizer.Warning> warnings;
    byte[] bytes;
    String contentHash;
    Optional<Embedding> embedding = Optional.empty();
    Integer width;
    Integer height;

    Candidate(Pending pending, ItemDraft draft, List<RecordNormalizer.Warning> warnings) {
      this.pending = pending;
      this.draft = draft;
      this.warnings = warnings;
    }
  }

  /** Mutable counters of the job (all attempts). */
  private static final class Counters {
    long processed;
    long created;
    long updated;
    long unchanged;
    long embedded;
    long rejected;
    long warnings;
    long withdrawn;

    ImportCounts snapshot() {
      return new ImportCounts(
          processed, created, updated, unchanged, embedded, rejected, warnings, withdrawn);
    }

    static Counters of(ImportCounts c) {
      Counters k = new Counters();
      k.processed = c.processed();
      k.created = c.created();
      k.updated = c.updated();
      k.unchanged = c.unchanged();
      k.embedded = c.embedded();
      k.rejected = c.rejected();
      k.warnings = c.warnings();
      k.withdrawn = c.withdrawn();
      return k;
    }
  }

  ImportRun(
      DataSource dataSource,
      JobRepository jobs,
      ImageFetcher fetcher,
      BatchEmbedder embedder,
      ModelInfo model,
      RecordNormalizer normalizer,
      StageTimings timings,
      ImportListener listener,
      CancellationToken cancellation,
      Job job,
      int batchSize,
      boolean withdrawMissing) {
    this.dataSource = dataSource;
    this.jobs = jobs;
    this.fetcher = fetcher;
    this.embedder = embedder;
    this.model = model;
    this.normalizer = normalizer;
    this.timings = timings;
    this.listener = listener;
    this.localCancel = cancellation;
    this.job = job;
    this.collectionId = job.collectionId().orElseThrow();
    this.batchSize = batchSize;
    this.withdrawMissing = withdrawMissing;
    JobCheckpoint cp = job.checkpoint();
    this.cursor = cp.cursor().map(Long::parseLong).orElse(0L);
    this.counters = Counters.of(ImportCounts.of(cp.processed(), cp.warnings(), cp.counts()));
  }

  static String type() {
    return TYPE;
  }

  /** Runs the attempt to its end; never throws for a failure of the job itself. */
  ImportSummary execute(Importer importer, ImportSource source, String collectionSlug) {
    startNanos = System.nanoTime();
    JobState state;
    Optional<String> error = Optional.empty();
    CancellationToken cancellation = () -> cancelRequested || localCancel.isCancelled();
    try (Connection c = dataSource.getConnection()) {
      this.connection = c;
      long t = System.nanoTime();
      importer.read(
          source,
          new Sink(),
          (done, total, message) -> onSourceProgress(done, total),
          cancellation);
      timings.addRead(System.nanoTime() - t - insideRead);
      flush();
      cancellation.throwIfCancelled();
      if (withdrawMissing) {
        withdrawGone();
      }
      state = JobState.SUCCEEDED;
    } catch (CancelledException e) {
      state = JobState.CANCELLED;
      error = Optional.of("cancelled; resume to continue from the last committed batch");
    } catch (IOException e) {
      state = JobState.FAILED;
      error = Optional.of("cannot read the source: " + e.getMessage());
    } catch (SQLException e) {
      state = JobState.FAILED;
      error = Optional.of("database: " + e.getMessage());
    } catch (RuntimeException e) {
      state = JobState.FAILED;
      error = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      this.connection = null;
    }
    try {
      jobs.finish(job.id(), state, error);
    } catch (DataAccessException e) {
      // The database is gone: the job stays "running" and is taken over by the next attempt.
      error = Optional.of(error.map(x -> x + "; ").orElse("") + e.getMessage());
      state = JobState.FAILED;
    }
    List<JobProblem> problems;
    try {
      problems = jobs.problems(job.id(), ImportSummary.MAX_PROBLEMS);
    } catch (DataAccessException e) {
      problems = List.of();
    }
    return new ImportSummary(
        job.id(),
        collectionSlug,
        state,
        counters.snapshot(),
        Duration.ofNanos(System.nanoTime() - startNanos),
        embeddedThisAttempt,
        timings,
        problems,
        error,
        cursor > 0);
  }

  private void onSourceProgress(long done, long total) {
    if (total > 0) {
      fraction = Math.max(fraction, Math.min(1.0, (double) done / total));
    }
  }

  /** Receives the importer's events. */
  private final class Sink implements RecordSink {
    @Override
    public void accept(ImportRecord record) {
      accept("record " + (nextOrdinal + 1), record);
    }

    @Override
    public void accept(String location, ImportRecord record) {
      long ordinal = nextOrdinal++;
      String id = RecordNormalizer.sourceId(record.sourceId());
      String first = seen.putIfAbsent(id, location);
      if (ordinal < cursor) {
        return;
      }
      add(new Pending(ordinal, location, record, null, first));
    }

    @Override
    public void reject(String location, String reason) {
      long ordinal = nextOrdinal++;
      if (ordinal < cursor) {
        return;
      }
      add(new Pending(ordinal, location, null, reason, null));
    }
  }

  private void add(Pending p) {
    batch.add(p);
    where = p.where();
    if (batch.size() >= batchSize) {
      long t = System.nanoTime();
      try {
        flush();
      } catch (SQLException e) {
        throw new DataAccessException("store a batch of job " + job.id(), e);
      } finally {
        insideRead += System.nanoTime() - t;
      }
    }
  }

  private void flush() throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    if (startFraction < 0) {
      startFraction = fraction;
    }
    List<JobProblem> problems = new ArrayList<>();
    List<Candidate> candidates = normalise(problems);
    long t = System.nanoTime();
    Map<String, StoredItem> stored =
        items.find(
            connection,
            collectionId,
            candidates.stream().map(c -> c.draft.sourceId()).toList(),
            model.id(),
            model.version());
    timings.addDatabase(System.nanoTime() - t);
    List<Long> touchOnly = new ArrayList<>();
    List<Candidate> ready = readImages(candidates, stored, problems, touchOnly);
    List<Candidate> embedded = embed(ready, stored, problems, touchOnly);
    t = System.nanoTime();
    long lastOrdinal = batch.get(batch.size() - 1).ordinal();
    int events = batch.size();
    Stored result =
        Transactor.inTransaction(
            connection,
            "store batch of job " + job.id(),
            c -> store(c, embedded, stored, touchOnly, problems, events, lastOrdinal));
    // Counters move on only once the transaction has committed, so they always match the database.
    counters = result.counters();
    embeddedThisAttempt += result.embedded();
    timings.addDatabase(System.nanoTime() - t);
    batch.clear();
    report();
    if (result.cancelRequested()) {
      cancelRequested = true;
      throw new CancelledException();
    }
  }

  private List<Candidate> normalise(List<JobProblem> problems) {
    List<Candidate> out = new ArrayList<>();
    for (Pending p : batch) {
      if (p.rejection() != null) {
        problems.add(error(p, Optional.empty(), "invalid-row", p.rejection()));
        continue;
      }
      String id = RecordNormalizer.sourceId(p.record().sourceId());
      if (p.duplicateOf() != null) {
        problems.add(
            error(
                p,
                Optional.of(id),
                "duplicate-id",
                "id '"
                    + RecordNormalizer.abbreviate(id)
                    + "' already appears at "
                    + p.duplicateOf()
                    + "; this row is ignored"));
        continue;
      }
      try {
        RecordNormalizer.Normalized n = normalizer.normalize(p.record());
        out.add(new Candidate(p, n.draft(), n.warnings()));
      } catch (RowRejectedException e) {
        problems.add(
            error(p, Optional.of(RecordNormalizer.abbreviate(id)), e.code(), e.getMessage()));
      }
    }
    return out;
  }

  private List<Candidate> readImages(
      List<Candidate> candidates,
      Map<String, StoredItem> stored,
      List<JobProblem> problems,
      List<Long> touchOnly) {
    long t = System.nanoTime();
    List<Candidate> ready = new ArrayList<>();
    for (Candidate c : candidates) {
      try {
        c.bytes =
            fetcher.fetch(
                new org.mnemosyne.api.importer.ImageReference(
                    c.draft.imageKind(), c.draft.imageLocation()));
        c.contentHash = ItemDraft.sha256(c.bytes);
        ready.add(c);
      } catch (ImageUnavailableException e) {
        problems.add(error(c.pending, Optional.of(c.draft.sourceId()), e.code(), e.getMessage()));
        keepExisting(stored, c, touchOnly);
      }
    }
    timings.addRead(System.nanoTime() - t);
    return ready;
  }

  private List<Candidate> embed(
      List<Candidate> ready,
      Map<String, StoredItem> stored,
      List<JobProblem> problems,
      List<Long> touchOnly) {
    List<Candidate> toEmbed = new ArrayList<>();
    for (Candidate c : ready) {
      StoredItem s = stored.get(c.draft.sourceId());
      if (s == null || s.needsEmbedding(c.contentHash)) {
        toEmbed.add(c);
      }
    }
    List<BatchEmbedder.Outcome> outcomes =
        toEmbed.isEmpty() ? List.of() : embedder.embed(toEmbed.stream().map(c -> c.bytes).toList());
    List<Candidate> ok = new ArrayList<>(ready);
    for (int i = 0; i < toEmbed.size(); i++) {
      Candidate c = toEmbed.get(i);
      BatchEmbedder.Outcome o = outcomes.get(i);
      if (o.problem().isPresent()) {
        problems.add(
            error(
                c.pending, Optional.of(c.draft.sourceId()), "unreadable-image", o.problem().get()));
        keepExisting(stored, c, touchOnly);
        ok.remove(c);
      } else {
        c.embedding = o.embedding();
        // the full image's size where the source declares it (the model may have read a smaller
        // derivative, e.g. from a IIIF service), else the decoded file's
        int[] size =
            c.pending.record().declaredImageSize().orElse(new int[] {o.width(), o.height()});
        c.width = size[0];
        c.height = size[1];
      }
    }
    for (Candidate c : ready) {
      c.bytes = null; // free memory before the database work
    }
    return ok;
  }

  private static void keepExisting(
      Map<String, StoredItem> stored, Candidate c, List<Long> touchOnly) {
    StoredItem s = stored.get(c.draft.sourceId());
    if (s != null) {
      touchOnly.add(s.id()); // the record is still in the source: never withdraw it for a bad image
    }
  }

  /** What a committed batch changed. */
  private record Stored(Counters counters, long embedded, boolean cancelRequested) {}

  private Stored store(
      Connection c,
      List<Candidate> ok,
      Map<String, StoredItem> stored,
      List<Long> touchOnly,
      List<JobProblem> problems,
      int events,
      long lastOrdinal)
      throws SQLException {
    Counters next = Counters.of(counters.snapshot());
    List<Long> unchanged = new ArrayList<>(touchOnly);
    long embeddedNow = 0;
    for (Candidate cand : ok) {
      ItemDraft d = cand.draft;
      StoredItem s = stored.get(d.sourceId());
      long id;
      boolean imageChanged = s == null || !s.contentHash().equals(cand.contentHash);
      if (s == null) {
        id =
            items.insert(
                c,
                collectionId,
                d,
                new ItemImage(cand.contentHash, cand.width, cand.height),
                job.id());
        items.replaceFacets(c, id, dictionary.resolve(c, d.facetValues()));
        next.created++;
      } else if (!s.active() || imageChanged || !s.recordHash().equals(d.recordHash())) {
        id = s.id();
        Optional<ItemImage> image =
            imageChanged || cand.embedding.isPresent()
                ? Optional.of(new ItemImage(cand.contentHash, cand.width, cand.height))
                : Optional.empty();
        items.update(c, id, d, image, job.id());
        items.replaceFacets(c, id, dictionary.resolve(c, d.facetValues()));
        next.updated++;
      } else {
        id = s.id();
        unchanged.add(id);
        next.unchanged++;
      }
      if (cand.embedding.isPresent()) {
        embeddings.store(c, id, cand.embedding.get(), cand.contentHash);
        next.embedded++;
        embeddedNow++;
      }
      for (RecordNormalizer.Warning w : cand.warnings) {
        problems.add(
            new JobProblem(
                cand.pending.ordinal(),
                cand.pending.where(),
                Optional.of(d.sourceId()),
                Severity.WARNING,
                w.code(),
                w.message()));
        next.warnings++;
      }
    }
    items.touch(c, unchanged, job.id());
    next.rejected += problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
    next.processed += events;
    jobs.addProblems(c, job.id(), problems);
    boolean cancel = jobs.checkpoint(c, job.id(), checkpoint(next, lastOrdinal + 1));
    return new Stored(next, embeddedNow, cancel);
  }

  private JobCheckpoint checkpoint(Counters k, long nextCursor) {
    ImportCounts s = k.snapshot();
    return new JobCheckpoint(
        s.processed(),
        Optional.empty(),
        s.imported(),
        s.rejected(),
        s.warnings(),
        s.asMap(),
        Math.min(1.0, Math.max(0.0, fraction)),
        where,
        Optional.of(Long.toString(nextCursor)));
  }

  private void withdrawGone() {
    counters =
        Transactor.inTransaction(
            connection,
            "withdraw items gone from the source",
            c -> {
              int n =
                  items.withdrawNotSeen(
                      c,
                      collectionId,
                      job.id(),
                      "no longer in the source (import job " + job.id() + ")");
              Counters next = Counters.of(counters.snapshot());
              next.withdrawn += n;
              jobs.checkpoint(c, job.id(), checkpoint(next, nextOrdinal));
              return next;
            });
  }

  private void report() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double rate = seconds > 0 ? embeddedThisAttempt / seconds : 0;
    Optional<Duration> eta = Optional.empty();
    double doneShare = fraction - startFraction;
    if (doneShare > 0.01 && fraction < 1) {
      eta = Optional.of(Duration.ofMillis((long) (seconds * (1 - fraction) / doneShare * 1000)));
    }
    try {
      listener.progress(
          new ImportProgress(job.id(), counters.snapshot(), fraction, rate, eta, where));
    } catch (RuntimeException e) {
      // a listener must not break the import
    }
  }

  private static JobProblem error(
      Pending p, Optional<String> sourceId, String code, String message) {
    return new JobProblem(p.ordinal(), p.where(), sourceId, Severity.ERROR, code, message);
  }

  static Map<String, String> parametersOf(
      ImportSource source, String importer, boolean withdraw, ModelInfo model) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("source", source.location().toString());
    p.put("importer", importer);
    source.options().forEach((k, v) -> p.put("option." + k, v));
    p.put("withdraw-missing", Boolean.toString(withdraw));
    p.put("model", model.id());
    p.put("model-version", model.version());
    return p;
  }
}
