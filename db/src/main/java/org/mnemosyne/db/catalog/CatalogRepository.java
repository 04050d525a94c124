package org.mnemosyne.db.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mnemosyne.db.jdbc.Transactor;

/**
 * Institutions and collections (plain JDBC): create on first use, look up, list, withdraw
 * (takedown: a withdrawn collection or item disappears from every index rebuilt afterwards) and
 * delete. Thread-safe.
 */
public final class CatalogRepository {
  private static final String COLLECTION_COLUMNS =
      "c.id, c.slug, c.name, c.status, i.id, i.slug, i.name"
          + " FROM collection c JOIN institution i ON i.id = c.institution_id";

  private final Transactor tx;

  /** A repository over a transactor. */
  public CatalogRepository(Transactor tx) {
    this.tx = tx;
  }

  /**
   * The institution with that slug, created with {@code name} if it does not exist (an existing
   * institution keeps its name).
   */
  public Institution ensureInstitution(Slug slug, String name) {
    return tx.inTransaction(
        "create institution " + slug,
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO institution (slug, name) VALUES (?, ?)"
                      + " ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug"
                      + " RETURNING id, slug, name")) {
            st.setString(1, slug.value());
            st.setString(2, displayName(name, slug));
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              return new Institution(rs.getLong(1), new Slug(rs.getString(2)), rs.getString(3));
            }
          }
        });
  }

  /**
   * The collection with that slug, created in {@code institution} with {@code name} if it does not
   * exist.
   *
   * @throws IllegalArgumentException if the slug is taken by a collection of another institution
   */
  public CollectionInfo ensureCollection(Institution institution, Slug slug, String name) {
    CollectionInfo info =
        tx.inTransaction(
            "create collection " + slug,
            c -> {
              try (PreparedStatement st =
                  c.prepareStatement(
                      "INSERT INTO collection (institution_id, slug, name) VALUES (?, ?, ?)"
                          + " ON CONFLICT (slug) DO NOTHING")) {
                st.setLong(1, institution.id());
                st.setString(2, slug.value());
                st.setString(3, displayName(name, slug));
                st.executeUpdate();
              }
              return findCollection(c, slug).orElseThrow();
            });
    if (info.institution().id() != institution.id()) {
      throw new IllegalArgumentException(
          "collection '"
              + slug
              + "' already belongs to institution '"
              + info.institution().slug()
              + "', not '"
              + institution.slug()
              + "'");
    }
    return info;
  }

  private static String displayName(String name, Slug slug) {
    return name == null || name.isBlank() ? slug.value() : name.strip();
  }

  /** The collection with that slug, if any. */
  public Optional<CollectionInfo> findCollection(Slug slug) {
    return tx.inTransaction("find collection " + slug, c -> findCollection(c, slug));
  }

  /** The collection with that id, if any. */
  public Optional<CollectionInfo> findCollection(long id) {
    return tx.inTransaction(
        "find collection " + id,
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("SELECT " + COLLECTION_COLUMNS + " WHERE c.id = ?")) {
            st.setLong(1, id);
            return one(st);
          }
        });
  }

  static Optional<CollectionInfo> findCollection(Connection c, Slug slug) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("SELECT " + COLLECTION_COLUMNS + " WHERE c.slug = ?")) {
      st.setString(1, slug.value());
      return one(st);
    }
  }

  private static Optional<CollectionInfo> one(PreparedStatement st) throws SQLException {
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? Optional.of(collection(rs)) : Optional.empty();
    }
  }

  private static CollectionInfo collection(ResultSet rs) throws SQLException {
    return new CollectionInfo(
        rs.getLong(1),
        new Slug(rs.getString(2)),
        rs.getString(3),
        new Institution(rs.getLong(5), new Slug(rs.getString(6)), rs.getString(7)),
        CollectionStatus.fromDb(rs.getString(4)));
  }

  /** Every collection, by slug. */
  public List<CollectionInfo> collections() {
    return tx.inTransaction(
        "list collections",
        c -> {
          List<CollectionInfo> out = new ArrayList<>();
          try (PreparedStatement st =
                  c.prepareStatement("SELECT " + COLLECTION_COLUMNS + " ORDER BY c.slug");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              out.add(collection(rs));
            }
          }
          return out;
        });
  }

  /** Whether the catalogue has no collection at all (a fresh database). */
  public boolean isEmpty() {
    return tx.inTransaction(
        "count collections",
        c -> {
          try (PreparedStatement st =
                  c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM collection)");
              ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
          }
        });
  }

  /** Number of active items of a collection. */
  public long activeItemCount(long collectionId) {
    return tx.inTransaction(
        "count items",
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT count(*) FROM item WHERE collection_id = ? AND status = 'active'")) {
            st.setLong(1, collectionId);
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /**
   * Withdraws one item (takedown): it stays in the database for the record but leaves every index
   * rebuilt afterwards, and its cached explanations are deleted.
   *
   * @return whether an active item was withdrawn
   */
  public boolean withdrawItem(long collectionId, String sourceId, String reason) {
    return tx.inTransaction(
        "withdraw item " + sourceId, c -> withdrawItem(c, collectionId, sourceId, reason));
  }

  private static boolean withdrawItem(
      Connection c, long collectionId, String sourceId, String reason) throws SQLException {
    long id;
    try (PreparedStatement st =
        c.prepareStatement(
            "UPDATE item SET status = 'withdrawn', withdrawn_at = now(),"
                + " withdrawn_reason = ?, updated_at = now()"
                + " WHERE collection_id = ? AND source_id = ? AND status = 'active'"
                + " RETURNING id")) {
      st.setString(1, reason);
      st.setLong(2, collectionId);
      st.setString(3, sourceId);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        id = rs.getLong(1);
      }
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "DELETE FROM cached_explanation WHERE query_item_id = ? OR target_item_id = ?")) {
      st.setLong(1, id);
      st.setLong(2, id);
      st.executeUpdate();
    }
    return true;
  }

  /**
   * Content hashes of images that were taken down — their item or its collection withdrawn — and
   * that no other item still shows. Copies made from them (thumbnails, tiles) should be deleted.
   */
  public List<String> takenDownContentHashes() {
    return tx.read(
        "taken-down images",
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement st =
                  c.prepareStatement(
                      "SELECT DISTINCT i.content_hash FROM item i"
                          + " JOIN collection c ON c.id = i.collection_id"
                          + " WHERE (i.status = 'withdrawn' OR c.status = 'withdrawn')"
                          + " AND NOT EXISTS (SELECT 1 FROM item j"
                          + " JOIN collection d ON d.id = j.collection_id"
                          + " WHERE j.content_hash = i.content_hash AND j.status = 'active'"
                          + " AND d.status <> 'withdrawn')");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  /**
   * Withdraws one item by id (takedown), as {@link #withdrawItem(long, String, String)} does.
   *
   * @return whether an active item was withdrawn
   */
  public boolean withdrawItem(long itemId, String reason) {
    return tx.inTransaction(
        "withdraw item " + itemId,
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT collection_id, source_id FROM item WHERE id = ? AND status = 'active'")) {
            st.setLong(1, itemId);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next() && withdrawItem(c, rs.getLong(1), rs.getString(2), reason);
            }
          }
        });
  }

  /**
   * Withdraws a whole collection and its items (takedown).
   *
   * @return the number of items withdrawn
   */
  public int withdrawCollection(long collectionId, String reason) {
    return tx.inTransaction(
        "withdraw collection " + collectionId,
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE collection SET status = 'withdrawn', updated_at = now() WHERE id = ?")) {
            st.setLong(1, collectionId);
            st.executeUpdate();
          }
          try (PreparedStatement st =
              c.prepareStatement(
                  "DELETE FROM cached_explanation e USING item i WHERE i.collection_id = ?"
                      + " AND (e.query_item_id = i.id OR e.target_item_id = i.id)")) {
            st.setLong(1, collectionId);
            st.executeUpdate();
          }
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE item SET status = 'withdrawn', withdrawn_at = now(),"
                      + " withdrawn_reason = ?, updated_at = now()"
                      + " WHERE collection_id = ? AND status = 'active'")) {
            st.setString(1, reason);
            st.setLong(2, collectionId);
            return st.executeUpdate();
          }
        });
  }

  /**
   * Deletes a collection with its items, embeddings, facets, jobs and cached explanations.
   *
   * @return whether it existed
   */
  public boolean deleteCollection(long collectionId) {
    return tx.inTransaction(
        "delete collection " + collectionId,
        c -> {
          try (PreparedStatement st = c.prepareStatement("DELETE FROM collection WHERE id = ?")) {
            st.setLong(1, collectionId);
            return st.executeUpdate() == 1;
          }
        });
  }
}
