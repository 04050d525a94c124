package org.mnemosyne.db.cache;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.TreeMap;
import org.mnemosyne.db.jdbc.FlatJson;
import org.mnemosyne.db.jdbc.Transactor;

/**
 * The {@code cached_explanation} table: explanations stored once and served again. Thread-safe;
 * concurrent stores of the same key keep one row.
 */
public final class ExplanationCache {
  private static final String COLUMNS =
      "id, explainer, query_item_id, target_item_id, result::text, evaluations, wall_time_ms,"
          + " created_at";

  private final Transactor tx;

  /** A cache in a database. */
  public ExplanationCache(Transactor tx) {
    this.tx = tx;
  }

  /**
   * The id of the explanation for a key, if stored: the cheap lookup of a cache hit (the result is
   * not read, and the last-use time is written at most once an hour, so a hit costs no disk flush).
   */
  public Optional<Long> findId(ExplanationKey key) {
    return tx.inTransaction(
        "look up cached explanation",
        c -> {
          long id;
          boolean stale;
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT id, last_used_at < now() - interval '1 hour' FROM cached_explanation"
                      + " WHERE model_id = ? AND model_version = ? AND explainer = ?"
                      + " AND explainer_version = ? AND parameters_hash = ? AND query_hash = ?"
                      + " AND target_hash = ?")) {
            int i = bindKey(st, 1, key);
            st.setString(i++, key.queryHash());
            st.setString(i, key.targetHash());
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Long>empty();
              }
              id = rs.getLong(1);
              stale = rs.getBoolean(2);
            }
          }
          if (stale) {
            try (PreparedStatement st =
                c.prepareStatement(
                    "UPDATE cached_explanation SET last_used_at = now() WHERE id = ?")) {
              st.setLong(1, id);
              st.executeUpdate();
            }
          }
          return Optional.of(id);
        });
  }

  /** The explanation with this id, if stored. */
  public Optional<CachedExplanation> find(long id) {
    return tx.inTransaction(
        "read cached explanation",
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("SELECT " + COLUMNS + " FROM cached_explanation WHERE id = ?")) {
            st.setLong(1, id);
            return one(st);
          }
        });
  }

  /**
   * Stores an explanation (replacing one with the same key).
   *
   * @param result the explanation's JSON
   * @return its id
   */
  public long store(ExplanationKey key, String result, long evaluations, long wallTimeMillis) {
    return tx.inTransaction(
        "store explanation",
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO cached_explanation (model_id, model_version, explainer,"
                      + " explainer_version, parameters_hash, parameters, query_hash,"
                      + " query_item_id, target_hash, target_item_id, result, evaluations,"
                      + " wall_time_ms) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                      + " ON CONFLICT (model_id, model_version, explainer, explainer_version,"
                      + " parameters_hash, query_hash, target_hash) DO UPDATE SET"
                      + " result = EXCLUDED.result, evaluations = EXCLUDED.evaluations,"
                      + " wall_time_ms = EXCLUDED.wall_time_ms, last_used_at = now()"
                      + " RETURNING id")) {
            int i = bindKey(st, 1, key);
            st.setString(i++, FlatJson.write(java.util.Map.of("canonical", key.parameters())));
            st.setString(i++, key.queryHash());
            setId(st, i++, key.queryItem());
            st.setString(i++, key.targetHash());
            setId(st, i++, key.targetItem());
            st.setString(i++, result);
            st.setLong(i++, evaluations);
            st.setLong(i, wallTimeMillis);
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** What the cache holds. */
  public CacheStats stats() {
    return tx.inTransaction(
        "explanation cache stats",
        c -> {
          TreeMap<String, Long> by = new TreeMap<>();
          long entries = 0;
          long bytes = 0;
          long evaluations = 0;
          try (PreparedStatement st =
                  c.prepareStatement(
                      "SELECT explainer, count(*), coalesce(sum(pg_column_size(result)), 0),"
                          + " coalesce(sum(evaluations), 0) FROM cached_explanation"
                          + " GROUP BY explainer");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              by.put(rs.getString(1), rs.getLong(2));
              entries += rs.getLong(2);
              bytes += rs.getLong(3);
              evaluations += rs.getLong(4);
            }
          }
          return new CacheStats(entries, bytes, evaluations, by);
        });
  }

  /**
   * Deletes every stored explanation.
   *
   * @return how many were deleted
   */
  public int clear() {
    return tx.inTransaction(
        "clear explanation cache",
        c -> {
          try (PreparedStatement st = c.prepareStatement("DELETE FROM cached_explanation")) {
            return st.executeUpdate();
          }
        });
  }

  private static int bindKey(PreparedStatement st, int i, ExplanationKey key) throws SQLException {
    st.setString(i++, key.modelId());
    st.setString(i++, key.modelVersion());
    st.setString(i++, key.explainer());
    st.setString(i++, key.explainerVersion());
    st.setString(i++, key.parametersHash());
    return i;
  }

  private static void setId(PreparedStatement st, int i, Optional<Long> id) throws SQLException {
    if (id.isPresent()) {
      st.setLong(i, id.get());
    } else {
      st.setNull(i, Types.BIGINT);
    }
  }

  private static Optional<CachedExplanation> one(PreparedStatement st) throws SQLException {
    try (ResultSet rs = st.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      long q = rs.getLong(3);
      Optional<Long> query = rs.wasNull() ? Optional.empty() : Optional.of(q);
      long t = rs.getLong(4);
      Optional<Long> target = rs.wasNull() ? Optional.empty() : Optional.of(t);
      return Optional.of(
          new CachedExplanation(
              rs.getLong(1),
              rs.getString(2),
              query,
              target,
              rs.getString(5),
              rs.getLong(6),
              rs.getLong(7),
              rs.getObject(8, java.time.OffsetDateTime.class)));
    }
  }
}
