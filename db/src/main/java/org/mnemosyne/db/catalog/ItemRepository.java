package org.mnemosyne.db.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mnemosyne.db.jdbc.FlatJson;

/**
 * Items (plain JDBC), on a connection whose transaction the caller owns: the import writes a whole
 * batch (items, facets, vectors, job progress) in one transaction. Stateless and thread-safe.
 */
public final class ItemRepository {
  private static final String FIELDS =
      "title, makers, date_text, year_from, year_to, culture, media, classification, rights_uri,"
          + " licence, credit_line, page_url, image_kind, image_location, metadata, record_hash";

  /**
   * The stored state of the items with these source ids in a collection, with whether a vector of
   * the model exists and from which image bytes.
   */
  public Map<String, StoredItem> find(
      Connection c,
      long collectionId,
      Collection<String> sourceIds,
      String modelId,
      String modelVersion)
      throws SQLException {
    Map<String, StoredItem> out = new HashMap<>();
    if (sourceIds.isEmpty()) {
      return out;
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT i.id, i.source_id, i.content_hash, i.record_hash, i.status, e.content_hash"
                + " FROM item i LEFT JOIN embedding e ON e.item_id = i.id"
                + " AND e.model_id = ? AND e.model_version = ?"
                + " WHERE i.collection_id = ? AND i.source_id = ANY (?)")) {
      st.setString(1, modelId);
      st.setString(2, modelVersion);
      st.setLong(3, collectionId);
      st.setArray(4, c.createArrayOf("text", sourceIds.toArray()));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(2),
              new StoredItem(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  "active".equals(rs.getString(5)),
                  Optional.ofNullable(rs.getString(6))));
        }
      }
    }
    return out;
  }

  /** Inserts a new item seen by job {@code jobId}; returns its id. */
  public long insert(Connection c, long collectionId, ItemDraft d, ItemImage image, long jobId)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO item (collection_id, source_id, "
                + FIELDS
                + ", content_hash, width, height, last_job_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)"
                + " RETURNING id")) {
      st.setLong(1, collectionId);
      st.setString(2, d.sourceId());
      int i = bindFields(c, st, 3, d);
      st.setString(i++, image.contentHash());
      setInt(st, i++, image.width());
      setInt(st, i++, image.height());
      st.setLong(i, jobId);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Rewrites an item's fields (and reactivates it); with an image, also its content hash and size.
   */
  public void update(Connection c, long id, ItemDraft d, Optional<ItemImage> image, long jobId)
      throws SQLException {
    String imageColumns =
        image.isPresent()
            ? ", content_hash = ?, width = coalesce(?, width), height = coalesce(?, height)"
            : "";
    try (PreparedStatement st =
        c.prepareStatement(
            "UPDATE item SET ("
                + FIELDS
                + ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
                + imageColumns
                + ", status = 'active', withdrawn_at = NULL, withdrawn_reason = NULL,"
                + " last_job_id = ?, updated_at = now() WHERE id = ?")) {
      int i = bindFields(c, st, 1, d);
      if (image.isPresent()) {
        st.setString(i++, image.get().contentHash());
        setInt(st, i++, image.get().width());
        setInt(st, i++, image.get().height());
      }
      st.setLong(i++, jobId);
      st.setLong(i, id);
      st.executeUpdate();
    }
  }

  private static int bindFields(Connection c, PreparedStatement st, int i, ItemDraft d)
      throws SQLException {
    st.setString(i++, d.title());
    st.setArray(i++, textArray(c, d.makers()));
    st.setString(i++, d.dateText());
    setInt(st, i++, d.yearFrom());
    setInt(st, i++, d.yearTo());
    st.setString(i++, d.culture());
    st.setArray(i++, textArray(c, d.media()));
    st.setString(i++, d.classification());
    st.setString(i++, d.rightsUri());
    st.setString(i++, d.licence());
    st.setString(i++, d.creditLine());
    st.setString(i++, d.pageUrl());
    st.setString(i++, d.imageKind().name().toLowerCase(java.util.Locale.ROOT));
    st.setString(i++, d.imageLocation());
    st.setString(i++, FlatJson.write(d.metadata()));
    st.setString(i++, d.recordHash());
    return i;
  }

  private static Array textArray(Connection c, Collection<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray());
  }

  private static void setInt(PreparedStatement st, int i, Integer value) throws SQLException {
    if (value == null) {
      st.setNull(i, Types.INTEGER);
    } else {
      st.setInt(i, value);
    }
  }

  /** Records that job {@code jobId} saw these items in its source (they are not withdrawn). */
  public void touch(Connection c, Collection<Long> ids, long jobId) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement st =
        c.prepareStatement("UPDATE item SET last_job_id = ? WHERE id = ANY (?)")) {
      st.setLong(1, jobId);
      st.setArray(2, c.createArrayOf("bigint", ids.toArray()));
      st.executeUpdate();
    }
  }

  /** Replaces an item's categorical facet values. */
  public void replaceFacets(Connection c, long itemId, Collection<Long> valueIds)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement("DELETE FROM item_facet WHERE item_id = ?")) {
      st.setLong(1, itemId);
      st.executeUpdate();
    }
    if (valueIds.isEmpty()) {
      return;
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO item_facet (item_id, value_id) SELECT ?, unnest(?::bigint[])"
                + " ON CONFLICT DO NOTHING")) {
      st.setLong(1, itemId);
      st.setArray(2, c.createArrayOf("bigint", valueIds.toArray()));
      st.executeUpdate();
    }
  }

  /**
   * Withdraws the active items of a collection that job {@code jobId} did not see (records gone
   * from the source), and deletes their cached explanations.
   *
   * @return how many were withdrawn
   */
  public int withdrawNotSeen(Connection c, long collectionId, long jobId, String reason)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "DELETE FROM cached_explanation e USING item i WHERE i.collection_id = ?"
                + " AND i.status = 'active' AND i.last_job_id IS DISTINCT FROM ?"
                + " AND (e.query_item_id = i.id OR e.target_item_id = i.id)")) {
      st.setLong(1, collectionId);
      st.setLong(2, jobId);
      st.executeUpdate();
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "UPDATE item SET status = 'withdrawn', withdrawn_at = now(), withdrawn_reason = ?,"
                + " updated_at = now() WHERE collection_id = ? AND status = 'active'"
                + " AND last_job_id IS DISTINCT FROM ?")) {
      st.setString(1, reason);
      st.setLong(2, collectionId);
      st.setLong(3, jobId);
      return st.executeUpdate();
    }
  }
}
