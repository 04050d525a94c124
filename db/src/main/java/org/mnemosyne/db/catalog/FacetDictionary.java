package org.mnemosyne.db.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.db.jdbc.Transactor;

/**
 * The one dictionary of categorical facet values: (field, {@link FacetValueKey key}) → id, with the
 * first label seen kept for display. New fields named by importers ({@code facet.<name>}) are
 * registered as categorical and multi-valued. Ids never change, so an instance caches them; safe
 * for one thread at a time (one per import run).
 */
public final class FacetDictionary {
  private final Map<String, Long> ids = new HashMap<>();
  private final Map<String, Boolean> fields = new HashMap<>();

  /**
   * The id of each value, created if new (inside the caller's transaction).
   *
   * @param values facet field → labels
   * @return the ids, in no particular order
   */
  public List<Long> resolve(Connection c, Map<String, List<String>> values) throws SQLException {
    List<Long> out = new ArrayList<>();
    for (var e : values.entrySet()) {
      ensureField(c, e.getKey());
      for (String label : e.getValue()) {
        out.add(resolve(c, e.getKey(), label));
      }
    }
    return out;
  }

  private long resolve(Connection c, String field, String label) throws SQLException {
    String key = FacetValueKey.of(label);
    String cacheKey = field + '\u0000' + key;
    Long cached = ids.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO facet_value (field, value_key, label) VALUES (?, ?, ?)"
                + " ON CONFLICT (field, value_key) DO UPDATE SET field = EXCLUDED.field"
                + " RETURNING id")) {
      st.setString(1, field);
      st.setString(2, key);
      st.setString(3, FacetValueKey.label(label));
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        long id = rs.getLong(1);
        ids.put(cacheKey, id);
        return id;
      }
    }
  }

  private void ensureField(Connection c, String name) throws SQLException {
    if (fields.containsKey(name)) {
      return;
    }
    FacetField.categorical(name, true); // validates the name
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO facet_field (name, type, multi_valued) VALUES (?, 'categorical', true)"
                + " ON CONFLICT (name) DO NOTHING")) {
      st.setString(1, name);
      st.executeUpdate();
    }
    try (PreparedStatement st =
        c.prepareStatement("SELECT type, derived FROM facet_field WHERE name = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        if (!"categorical".equals(rs.getString(1)) || rs.getBoolean(2)) {
          throw new IllegalArgumentException(
              "facet '" + name + "' is computed by Mnemosyne and cannot be set by an import");
        }
      }
    }
    fields.put(name, true);
  }

  /**
   * Facet counts of active items, per field and value, most frequent first.
   *
   * @param collectionId one collection, or empty for all active collections
   */
  public static List<FacetCount> counts(Transactor tx, Optional<Long> collectionId) {
    return tx.inTransaction(
        "count facet values",
        c -> {
          List<FacetCount> out = new ArrayList<>();
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT v.field, v.label, count(*) FROM item_facet f"
                      + " JOIN facet_value v ON v.id = f.value_id"
                      + " JOIN item i ON i.id = f.item_id"
                      + " JOIN collection c ON c.id = i.collection_id"
                      + " WHERE i.status = 'active' AND c.status = 'active'"
                      + " AND (? OR i.collection_id = ?)"
                      + " GROUP BY v.field, v.label ORDER BY v.field, count(*) DESC, v.label")) {
            st.setBoolean(1, collectionId.isEmpty());
            st.setLong(2, collectionId.orElse(0L));
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                out.add(new FacetCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
              }
            }
          }
          return out;
        });
  }
}
