package org.mnemosyne.db.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mnemosyne.api.importer.ImageReference;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.db.embedding.EmbeddingRepository;
import org.mnemosyne.db.jdbc.Transactor;

/**
 * Reads items for display (the portal's result grid, item pages, the API) and their vectors.
 * Read-only; thread-safe.
 */
public final class ItemReader {
  private static final String SELECT =
      "SELECT i.id, i.source_id, c.slug, c.name, inst.slug, inst.name, i.title, i.makers,"
          + " i.date_text, i.year_from, i.culture, i.media, i.classification, i.licence,"
          + " i.rights_uri, i.credit_line, i.page_url, i.image_kind, i.image_location, i.width,"
          + " i.height, i.content_hash, i.status = 'active' AND c.status = 'active'"
          + " FROM item i JOIN collection c ON c.id = i.collection_id"
          + " JOIN institution inst ON inst.id = c.institution_id";

  private final Transactor tx;
  private final EmbeddingRepository embeddings = new EmbeddingRepository();

  /** A reader over a database. */
  public ItemReader(Transactor tx) {
    this.tx = tx;
  }

  /** The item with this id, active or not; empty if there is none. */
  public Optional<ItemRecord> find(long id) {
    return Optional.ofNullable(findAll(List.of(id)).get(id));
  }

  /** The items with these ids, in the order the ids are given; ids without an item are left out. */
  public Map<Long, ItemRecord> findAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, ItemRecord> found =
        tx.read(
            "read items",
            c -> {
              Map<Long, ItemRecord> out = new LinkedHashMap<>();
              try (PreparedStatement st = c.prepareStatement(SELECT + " WHERE i.id = ANY (?)")) {
                st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                  while (rs.next()) {
                    ItemRecord r = record(rs);
                    out.put(r.id(), r);
                  }
                }
              }
              return out;
            });
    Map<Long, ItemRecord> ordered = new LinkedHashMap<>();
    for (Long id : ids) {
      ItemRecord r = found.get(id);
      if (r != null) {
        ordered.put(id, r);
      }
    }
    return ordered;
  }

  /** The stored vector of an item under a model version, if there is one. */
  public Optional<Embedding> vector(long itemId, String modelId, String modelVersion) {
    return tx.read("read vector", c -> embeddings.find(c, itemId, modelId, modelVersion));
  }

  /** The stored vectors of many items under a model version; items without one are left out. */
  public Map<Long, float[]> vectors(Collection<Long> ids, String modelId, String modelVersion) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return tx.read(
        "read vectors",
        c -> {
          Map<Long, float[]> out = new LinkedHashMap<>();
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT item_id, vector FROM embedding WHERE item_id = ANY (?)"
                      + " AND model_id = ? AND model_version = ?")) {
            st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            st.setString(2, modelId);
            st.setString(3, modelVersion);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getLong(1), EmbeddingRepository.floats(rs.getArray(2)));
              }
            }
          }
          return out;
        });
  }

  private static ItemRecord record(ResultSet rs) throws SQLException {
    int i = 1;
    long id = rs.getLong(i++);
    String sourceId = rs.getString(i++);
    String collectionSlug = rs.getString(i++);
    String collectionName = rs.getString(i++);
    String institutionSlug = rs.getString(i++);
    String institutionName = rs.getString(i++);
    String title = text(rs.getString(i++));
    List<String> makers = texts(rs.getArray(i++));
    String dateText = text(rs.getString(i++));
    Optional<Integer> yearFrom = integer(rs, i++);
    String culture = text(rs.getString(i++));
    List<String> media = texts(rs.getArray(i++));
    String classification = text(rs.getString(i++));
    String licence = text(rs.getString(i++));
    String rightsUri = text(rs.getString(i++));
    String creditLine = text(rs.getString(i++));
    String pageUrl = text(rs.getString(i++));
    ImageReference.Kind kind =
        ImageReference.Kind.valueOf(rs.getString(i++).toUpperCase(Locale.ROOT));
    ImageReference image = new ImageReference(kind, rs.getString(i++));
    Optional<Integer> width = integer(rs, i++);
    Optional<Integer> height = integer(rs, i++);
    String contentHash = rs.getString(i++);
    boolean active = rs.getBoolean(i);
    return new ItemRecord(
        id,
        sourceId,
        collectionSlug,
        collectionName,
        institutionSlug,
        institutionName,
        title,
        makers,
        dateText,
        yearFrom,
        culture,
        media,
        classification,
        licence,
        rightsUri,
        creditLine,
        pageUrl,
        image,
        width,
        height,
        contentHash,
        active);
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static List<String> texts(java.sql.Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : (Object[]) array.getArray()) {
      out.add((String) o);
    }
    return out;
  }

  private static Optional<Integer> integer(ResultSet rs, int column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }
}
