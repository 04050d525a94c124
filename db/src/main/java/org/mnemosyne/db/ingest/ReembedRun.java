package org.mnemosyne.db.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.mnemosyne.api.importer.ImageReference;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.CancelledException;
import org.mnemosyne.db.catalog.ItemDraft;
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
 * One attempt at a re-embedding job: gives every active item of a collection a vector of the
 * current model (another model, or a new version of it) from the image the item points to, without
 * reading the collection's source again. Items are visited in id order in batches; each batch —
 * vectors, problems, counters and the cursor (the last item id) — is one transaction, so a resumed
 * attempt continues after the last committed item, exactly once. Items that already have a vector
 * of this model for their current image are left alone; an image whose bytes changed at its
 * location updates the item's content hash. Not thread-safe: one attempt, one thread.
 */
final class ReembedRun {
  private static final String TYPE = "reembed";

  private final DataSource dataSource;
  private final JobRepository jobs;
  private final EmbeddingRepository embeddings = new EmbeddingRepository();
  private final ImageFetcher fetcher;
  private final BatchEmbedder embedder;
  private final ModelInfo model;
  private final StageTimings timings;
  private final ImportListener listener;
  private final CancellationToken cancellation;
  private final Job job;
  private final long collectionId;
  private final int batchSize;

  /** An active item and the content hash of its current vector of this model, if any. */
  private record Row(
      long id,
      String sourceId,
      ImageReference image,
      String contentHash,
      Optional<String> vectorHash) {}

  ReembedRun(
      DataSource dataSource,
      JobRepository jobs,
      ImageFetcher fetcher,
      BatchEmbedder embedder,
      ModelInfo model,
      StageTimings timings,
      ImportListener listener,
      CancellationToken cancellation,
      Job job,
      int batchSize) {
    this.dataSource = dataSource;
    this.jobs = jobs;
    this.fetcher = fetcher;
    this.embedder = embedder;
    this.model = model;
    this.timings = timings;
    this.listener = listener;
    this.cancellation = cancellation;
    this.job = job;
    this.collectionId = job.collectionId().orElseThrow();
    this.batchSize = batchSize;
  }

  static String type() {
    return TYPE;
  }

  /** Runs the attempt to its end; never throws for a failure of the job itself. */
  ImportSummary execute(String collectionSlug, long totalItems) {
    long start = System.nanoTime();
    JobCheckpoint cp = job.checkpoint();
    long cursor = cp.cursor().map(Long::parseLong).orElse(0L);
    ImportCounts counts = ImportCounts.of(cp.processed(), cp.warnings(), cp.counts());
    long embeddedNow = 0;
    JobState state;
    Optional<String> error = Optional.empty();
    try (Connection c = dataSource.getConnection()) {
      while (true) {
        cancellation.throwIfCancelled();
        long t = System.nanoTime();
        List<Row> rows = next(c, cursor);
        timings.addDatabase(System.nanoTime() - t);
        if (rows.isEmpty()) {
          break;
        }
        Batch b = embed(rows);
        long last = rows.get(rows.size() - 1).id();
        ImportCounts next =
            new ImportCounts(
                counts.processed() + rows.size(),
                0,
                counts.updated() + b.imageChanged,
                counts.unchanged() + rows.size() - b.vectors.size() - b.problems.size(),
                counts.embedded() + b.vectors.size(),
                counts.rejected() + b.problems.size(),
                0,
                0);
        double progress =
            totalItems > 0 ? Math.min(1.0, (double) next.processed() / totalItems) : 0;
        t = System.nanoTime();
        boolean cancel =
            Transactor.inTransaction(
                c,
                "store re-embedded batch of job " + job.id(),
                conn -> {
                  for (int i = 0; i < b.vectors.size(); i++) {
                    Row r = b.embedded.get(i);
                    String hash = b.hashes.get(i);
                    if (!hash.equals(r.contentHash())) {
                      updateImage(conn, r, hash, b.sizes.get(i));
                    }
                    embeddings.store(conn, r.id(), b.vectors.get(i), hash);
                  }
                  jobs.addProblems(conn, job.id(), b.problems);
                  return jobs.checkpoint(
                      conn,
                      job.id(),
                      new JobCheckpoint(
                          next.processed(),
                          Optional.of(totalItems),
                          next.processed() - next.rejected(),
                          next.rejected(),
                          0,
                          next.asMap(),
                          progress,
                          "item " + last,
                          Optional.of(Long.toString(last))));
                });
        timings.addDatabase(System.nanoTime() - t);
        counts = next;
        cursor = last;
        embeddedNow += b.vectors.size();
        report(counts, progress, start, embeddedNow, last);
        if (cancel) {
          throw new CancelledException();
        }
      }
      state = JobState.SUCCEEDED;
    } catch (CancelledException e) {
      state = JobState.CANCELLED;
      error = Optional.of("cancelled; resume to continue after the last committed item");
    } catch (SQLException | RuntimeException e) {
      state = JobState.FAILED;
      error = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    try {
      jobs.finish(job.id(), state, error);
    } catch (DataAccessException e) {
      state = JobState.FAILED;
      error = Optional.of(e.getMessage());
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
        counts,
        Duration.ofNanos(System.nanoTime() - start),
        embeddedNow,
        timings,
        problems,
        error,
        cp.cursor().isPresent());
  }

  /** The vectors computed for one batch and the problems met. */
  private static final class Batch {
    final List<Row> embedded = new ArrayList<>();
    final List<Embedding> vectors = new ArrayList<>();
    final List<String> hashes = new ArrayList<>();
    final List<int[]> sizes = new ArrayList<>();
    final List<JobProblem> problems = new ArrayList<>();
    int imageChanged;
  }

  private Batch embed(List<Row> rows) {
    Batch b = new Batch();
    List<Row> todo = new ArrayList<>();
    List<byte[]> bytes = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    long t = System.nanoTime();
    for (Row r : rows) {
      if (r.vectorHash().isPresent() && r.vectorHash().get().equals(r.contentHash())) {
        continue; // already has a vector of this model for its image
      }
      try {
        byte[] data = fetcher.fetch(r.image());
        todo.add(r);
        bytes.add(data);
        hashes.add(ItemDraft.sha256(data));
      } catch (ImageUnavailableException e) {
        b.problems.add(problem(r, e.code(), e.getMessage()));
      }
    }
    timings.addRead(System.nanoTime() - t);
    List<BatchEmbedder.Outcome> outcomes = todo.isEmpty() ? List.of() : embedder.embed(bytes);
    for (int i = 0; i < todo.size(); i++) {
      BatchEmbedder.Outcome o = outcomes.get(i);
      Row r = todo.get(i);
      if (o.embedding().isPresent()) {
        b.embedded.add(r);
        b.vectors.add(o.embedding().get());
        b.hashes.add(hashes.get(i));
        b.sizes.add(new int[] {o.width(), o.height()});
        if (!hashes.get(i).equals(r.contentHash())) {
          b.imageChanged++;
        }
      } else {
        b.problems.add(problem(r, "unreadable-image", o.problem().orElse("cannot decode")));
      }
    }
    return b;
  }

  private JobProblem problem(Row r, String code, String message) {
    return new JobProblem(
        r.id(), "item " + r.id(), Optional.of(r.sourceId()), Severity.ERROR, code, message);
  }

  private List<Row> next(Connection c, long after) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT i.id, i.source_id, i.image_kind, i.image_location, i.content_hash,"
                + " e.content_hash FROM item i LEFT JOIN embedding e ON e.item_id = i.id"
                + " AND e.model_id = ? AND e.model_version = ?"
                + " WHERE i.collection_id = ? AND i.status = 'active' AND i.id > ?"
                + " ORDER BY i.id LIMIT ?")) {
      st.setString(1, model.id());
      st.setString(2, model.version());
      st.setLong(3, collectionId);
      st.setLong(4, after);
      st.setInt(5, batchSize);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getLong(1),
                  rs.getString(2),
                  new ImageReference(
                      ImageReference.Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                      rs.getString(4)),
                  rs.getString(5),
                  Optional.ofNullable(rs.getString(6))));
        }
      }
    }
    return rows;
  }

  /**
   * Stores a changed image's hash and size. A IIIF service sends a derivative, smaller than the
   * full image whose size the import stored (declared by the source, see {@code ImportRun}), so for
   * those only the hash changes.
   */
  private static void updateImage(Connection c, Row r, String hash, int[] size)
      throws SQLException {
    boolean derivative = r.image().kind() == ImageReference.Kind.IIIF;
    try (PreparedStatement st =
        c.prepareStatement(
            derivative
                ? "UPDATE item SET content_hash = ?, updated_at = now() WHERE id = ?"
                : "UPDATE item SET content_hash = ?, width = ?, height = ?, updated_at = now()"
                    + " WHERE id = ?")) {
      st.setString(1, hash);
      if (derivative) {
        st.setLong(2, r.id());
      } else {
        st.setInt(2, size[0]);
        st.setInt(3, size[1]);
        st.setLong(4, r.id());
      }
      st.executeUpdate();
    }
  }

  private void report(
      ImportCounts counts, double progress, long start, long embeddedNow, long last) {
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      listener.progress(
          new ImportProgress(
              job.id(),
              counts,
              progress,
              seconds > 0 ? embeddedNow / seconds : 0,
              Optional.empty(),
              "item " + last));
    } catch (RuntimeException e) {
      // a listener must not break the job
    }
  }
}
