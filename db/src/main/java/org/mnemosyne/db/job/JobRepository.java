package org.mnemosyne.db.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mnemosyne.db.jdbc.FlatJson;
import org.mnemosyne.db.jdbc.Transactor;

/**
 * Jobs and their per-row problems (plain JDBC): the one job mechanism that imports, re-embedding
 * and index builds share, and that the portal shows (state, progress, counts, errors) and cancels.
 * Methods that take a {@link Connection} join the caller's transaction; the others run their own.
 * Thread-safe.
 */
public final class JobRepository {
  private static final String COLUMNS =
      "id, type, subject, collection_id, state,"
          + " ARRAY(SELECT key FROM jsonb_each_text(parameters) ORDER BY key),"
          + " ARRAY(SELECT value FROM jsonb_each_text(parameters) ORDER BY key),"
          + " processed, total, succeeded, failed, warnings,"
          + " ARRAY(SELECT key FROM jsonb_each_text(counts) ORDER BY key),"
          + " ARRAY(SELECT value FROM jsonb_each_text(counts) ORDER BY key),"
          + " progress, message, resume_cursor, cancel_requested, attempts, error,"
          + " created_at, started_at, heartbeat_at, finished_at";

  private final Transactor tx;

  /** A repository over a transactor. */
  public JobRepository(Transactor tx) {
    this.tx = tx;
  }

  /** This process, as recorded in {@code job.owner}. */
  public static String currentOwner() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    return ProcessHandle.current().pid() + "@" + host;
  }

  /**
   * Creates a job that the caller starts working on at once.
   *
   * @throws IllegalStateException if another job is queued or running on the same subject
   */
  public Job createRunning(
      String type, String subject, Optional<Long> collectionId, Map<String, String> parameters) {
    return tx.inTransaction(
        "create " + type + " job",
        c -> {
          Optional<Job> active = findActive(c, subject);
          if (active.isPresent()) {
            throw new IllegalStateException(
                "job "
                    + active.get().id()
                    + " ("
                    + active.get().type()
                    + ") is already "
                    + active.get().state().dbValue()
                    + " on "
                    + subject);
          }
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO job (type, subject, collection_id, state, parameters, attempts,"
                      + " owner, started_at, heartbeat_at)"
                      + " VALUES (?, ?, ?, 'running', ?::jsonb, 1, ?, now(), now())"
                      + " RETURNING id")) {
            st.setString(1, type);
            st.setString(2, subject);
            if (collectionId.isPresent()) {
              st.setLong(3, collectionId.get());
            } else {
              st.setNull(3, Types.BIGINT);
            }
            st.setString(4, FlatJson.write(new java.util.TreeMap<>(parameters)));
            st.setString(5, currentOwner());
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              return find(c, rs.getLong(1)).orElseThrow();
            }
          }
        });
  }

  /**
   * Starts another attempt of a stopped (or orphaned) job: state {@code running}, cancel request
   * cleared, error cleared; the checkpoint is kept. The caller must hold the subject's {@link
   * JobLease}, which proves that no other worker is on it.
   *
   * @throws IllegalStateException if the job does not exist or has succeeded, or another job is
   *     active on its subject
   */
  public Job restart(long id) {
    return tx.inTransaction(
        "restart job " + id,
        c -> {
          Job job =
              find(c, id)
                  .orElseThrow(() -> new IllegalStateException("job " + id + " does not exist"));
          Optional<Job> active = findActive(c, job.subject());
          if (active.isPresent() && active.get().id() != id) {
            throw new IllegalStateException(
                "job " + active.get().id() + " is already active on " + job.subject());
          }
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE job SET state = 'running', attempts = attempts + 1, owner = ?,"
                      + " started_at = coalesce(started_at, now()), heartbeat_at = now(),"
                      + " finished_at = NULL, error = NULL, cancel_requested = false"
                      + " WHERE id = ? AND state <> 'succeeded'")) {
            st.setString(1, currentOwner());
            st.setLong(2, id);
            if (st.executeUpdate() != 1) {
              throw new IllegalStateException("job " + id + " does not exist or has succeeded");
            }
          }
          return find(c, id).orElseThrow();
        });
  }

  /**
   * Marks every queued or running job on a subject as failed: their worker is gone. Only the holder
   * of the subject's {@link JobLease} may call this, since the lease proves it.
   *
   * @return how many jobs were orphaned
   */
  public int failOrphans(JobLease lease, String reason) {
    return tx.inTransaction(
        "fail orphaned jobs on " + lease.subject(),
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE job SET state = 'failed', error = ?, finished_at = now()"
                      + " WHERE subject = ? AND state IN ('queued', 'running')")) {
            st.setString(1, reason);
            st.setString(2, lease.subject());
            return st.executeUpdate();
          }
        });
  }

  /**
   * Records progress in the caller's transaction (the one that wrote the work it counts).
   *
   * @return whether cancellation has been requested
   */
  public boolean checkpoint(Connection c, long id, JobCheckpoint cp) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "UPDATE job SET processed = ?, total = ?, succeeded = ?, failed = ?, warnings = ?,"
                + " counts = ?::jsonb, progress = ?, message = ?, resume_cursor = ?,"
                + " heartbeat_at = now() WHERE id = ? RETURNING cancel_requested")) {
      st.setLong(1, cp.processed());
      if (cp.total().isPresent()) {
        st.setLong(2, cp.total().get());
      } else {
        st.setNull(2, Types.BIGINT);
      }
      st.setLong(3, cp.succeeded());
      st.setLong(4, cp.failed());
      st.setLong(5, cp.warnings());
      st.setString(6, FlatJson.write(cp.counts()));
      st.setDouble(7, cp.progress());
      st.setString(8, cut(cp.message(), 1000));
      st.setString(9, cp.cursor().orElse(null));
      st.setLong(10, id);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("job " + id + " has disappeared");
        }
        return rs.getBoolean(1);
      }
    }
  }

  /** Records problems in the caller's transaction; a problem already recorded is kept once. */
  public void addProblems(Connection c, long id, List<JobProblem> problems) throws SQLException {
    if (problems.isEmpty()) {
      return;
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO job_error (job_id, ordinal, location, source_id, severity, code, message)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job_id, ordinal, code) DO NOTHING")) {
      for (JobProblem p : problems) {
        st.setLong(1, id);
        st.setLong(2, p.ordinal());
        st.setString(3, p.location());
        st.setString(4, p.sourceId().orElse(null));
        st.setString(5, p.severity().dbValue());
        st.setString(6, p.code());
        st.setString(7, p.message());
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  /** Ends a job's attempt in {@code state} (succeeded, failed or cancelled). */
  public void finish(long id, JobState state, Optional<String> error) {
    if (!state.isFinished()) {
      throw new IllegalArgumentException(state + " is not a final state");
    }
    tx.inTransaction(
        "finish job " + id,
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE job SET state = ?, error = ?, finished_at = now(), heartbeat_at = now(),"
                      + " progress = CASE WHEN ? THEN 1 ELSE progress END WHERE id = ?")) {
            st.setString(1, state.dbValue());
            st.setString(2, error.map(e -> cut(e, 4000)).orElse(null));
            st.setBoolean(3, state == JobState.SUCCEEDED);
            st.setLong(4, id);
            st.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Asks a job to stop. A running job stops at its next commit; a queued one is cancelled at once.
   *
   * @return whether the job was queued or running
   */
  public boolean requestCancel(long id) {
    return tx.inTransaction(
        "cancel job " + id,
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE job SET cancel_requested = true,"
                      + " state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END,"
                      + " finished_at = CASE WHEN state = 'queued' THEN now() ELSE finished_at END"
                      + " WHERE id = ? AND state IN ('queued', 'running')")) {
            st.setLong(1, id);
            return st.executeUpdate() == 1;
          }
        });
  }

  /** A job by id. */
  public Optional<Job> find(long id) {
    return tx.inTransaction("find job " + id, c -> find(c, id));
  }

  /** A job by id, in the caller's transaction. */
  public Optional<Job> find(Connection c, long id) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("SELECT " + COLUMNS + " FROM job WHERE id = ?")) {
      st.setLong(1, id);
      return first(st);
    }
  }

  private Optional<Job> findActive(Connection c, String subject) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM job WHERE subject = ? AND state IN ('queued', 'running')")) {
      st.setString(1, subject);
      return first(st);
    }
  }

  /** The newest job of a type on a subject, if any. */
  public Optional<Job> latest(String type, String subject) {
    return tx.inTransaction(
        "find latest job",
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM job WHERE type = ? AND subject = ? ORDER BY id DESC LIMIT 1")) {
            st.setString(1, type);
            st.setString(2, subject);
            return first(st);
          }
        });
  }

  /** The newest jobs, newest first. */
  public List<Job> recent(int limit) {
    return tx.inTransaction(
        "list jobs",
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("SELECT " + COLUMNS + " FROM job ORDER BY id DESC LIMIT ?")) {
            st.setInt(1, limit);
            return all(st);
          }
        });
  }

  /** A job's problems in input order, at most {@code limit}. */
  public List<JobProblem> problems(long id, int limit) {
    return tx.inTransaction(
        "list job problems",
        c -> {
          List<JobProblem> out = new ArrayList<>();
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT ordinal, location, source_id, severity, code, message FROM job_error"
                      + " WHERE job_id = ? ORDER BY ordinal, code LIMIT ?")) {
            st.setLong(1, id);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new JobProblem(
                        rs.getLong(1),
                        rs.getString(2),
                        Optional.ofNullable(rs.getString(3)),
                        Severity.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)),
                        rs.getString(5),
                        rs.getString(6)));
              }
            }
          }
          return out;
        });
  }

  private Optional<Job> first(PreparedStatement st) throws SQLException {
    List<Job> jobs = all(st);
    return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
  }

  private List<Job> all(PreparedStatement st) throws SQLException {
    List<Job> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        out.add(job(rs));
      }
    }
    return out;
  }

  private static Job job(ResultSet rs) throws SQLException {
    long collection = rs.getLong(4);
    Optional<Long> collectionId = rs.wasNull() ? Optional.empty() : Optional.of(collection);
    Map<String, String> parameters = pairs(rs.getArray(6), rs.getArray(7));
    long total = rs.getLong(9);
    Optional<Long> totalOpt = rs.wasNull() ? Optional.empty() : Optional.of(total);
    Map<String, Long> counts = new LinkedHashMap<>();
    pairs(rs.getArray(13), rs.getArray(14)).forEach((k, v) -> counts.put(k, parseCount(v)));
    JobCheckpoint cp =
        new JobCheckpoint(
            rs.getLong(8),
            totalOpt,
            rs.getLong(10),
            rs.getLong(11),
            rs.getLong(12),
            counts,
            rs.getDouble(15),
            rs.getString(16),
            Optional.ofNullable(rs.getString(17)));
    return new Job(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        collectionId,
        JobState.of(rs.getString(5)),
        parameters,
        cp,
        rs.getBoolean(18),
        rs.getInt(19),
        Optional.ofNullable(rs.getString(20)),
        rs.getObject(21, OffsetDateTime.class),
        Optional.ofNullable(rs.getObject(22, OffsetDateTime.class)),
        Optional.ofNullable(rs.getObject(23, OffsetDateTime.class)),
        Optional.ofNullable(rs.getObject(24, OffsetDateTime.class)));
  }

  private static long parseCount(String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Map<String, String> pairs(java.sql.Array keys, java.sql.Array values)
      throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    Object[] k = (Object[]) keys.getArray();
    Object[] v = (Object[]) values.getArray();
    for (int i = 0; i < k.length; i++) {
      out.put((String) k[i], (String) v[i]);
    }
    return out;
  }

  private static String cut(String s, int max) {
    if (s == null) {
      return null;
    }
    String clean = s.replace('\u0000', ' ');
    return clean.length() <= max ? clean : clean.substring(0, max - 3) + "...";
  }
}
