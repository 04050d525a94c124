package org.mnemosyne.db.embedding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.FacetType;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.api.index.VectorSource;
import org.mnemosyne.db.jdbc.DataAccessException;
import org.mnemosyne.db.jdbc.Transactor;

/**
 * The database as the {@link VectorSource} every index is rebuilt from: the active items of active
 * collections that have a vector of one model (id and version), with their facets — {@code
 * collection} and {@code institution} (slugs), {@code year} (the first year of the item's date
 * range) and every categorical value in the dictionary ({@code culture}, {@code medium}, {@code
 * classification}, {@code period}, {@code subject}, {@code licence} and any field an import added),
 * by its display label.
 *
 * <p>{@link #scan} streams the rows in ascending id order inside one read-only, repeatable-read
 * transaction, so it sees one consistent snapshot; {@link #count} is a separate snapshot. The
 * {@link #dimension} is read once, from the first vector of the model. Thread-safe.
 */
public final class DatabaseVectorSource implements VectorSource {
  private static final String FROM =
      " FROM item i JOIN collection c ON c.id = i.collection_id AND c.status = 'active'"
          + " JOIN institution inst ON inst.id = c.institution_id"
          + " JOIN embedding e ON e.item_id = i.id AND e.model_id = ? AND e.model_version = ?"
          + " WHERE i.status = 'active'";

  private final Transactor tx;
  private final String modelId;
  private final String modelVersion;
  private volatile int dimension = -1;

  /** The vectors of one model version. */
  public DatabaseVectorSource(Transactor tx, String modelId, String modelVersion) {
    this.tx = tx;
    this.modelId = modelId;
    this.modelVersion = modelVersion;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  /** The model version whose vectors this source delivers. */
  public String modelVersion() {
    return modelVersion;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if no vector of the model is stored yet
   */
  @Override
  public int dimension() {
    if (dimension < 0) {
      dimension =
          tx.inTransaction(
              "read vector dimension",
              c -> {
                try (PreparedStatement st =
                    c.prepareStatement(
                        "SELECT dimension FROM embedding WHERE model_id = ? AND model_version = ?"
                            + " LIMIT 1")) {
                  st.setString(1, modelId);
                  st.setString(2, modelVersion);
                  try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                      throw new IllegalStateException(
                          "no vectors of model " + modelId + " " + modelVersion + " yet");
                    }
                    return rs.getInt(1);
                  }
                }
              });
    }
    return dimension;
  }

  @Override
  public FacetSchema schema() {
    return tx.inTransaction(
        "read facet schema",
        c -> {
          List<FacetField> fields = new ArrayList<>();
          try (PreparedStatement st =
                  c.prepareStatement(
                      "SELECT name, type, multi_valued FROM facet_field ORDER BY position, name");
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              FacetType type =
                  "numeric".equals(rs.getString(2)) ? FacetType.NUMERIC : FacetType.CATEGORICAL;
              fields.add(new FacetField(rs.getString(1), type, rs.getBoolean(3)));
            }
          }
          return FacetSchema.of(fields);
        });
  }

  @Override
  public long count() {
    return tx.inTransaction(
        "count vectors",
        c -> {
          try (PreparedStatement st = c.prepareStatement("SELECT count(*)" + FROM)) {
            st.setString(1, modelId);
            st.setString(2, modelVersion);
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /**
   * A cheap fingerprint of what {@link #scan} would deliver: the number of rows, the sum of their
   * ids and the latest change of any item, vector or collection among them. It changes when an item
   * is added, withdrawn, edited or re-embedded, so an index built from an older scan is stale.
   */
  public String fingerprint() {
    return tx.inTransaction(
        "fingerprint vectors",
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT count(*), coalesce(sum(i.id), 0), max(i.updated_at), max(e.created_at),"
                      + " max(c.updated_at)"
                      + FROM)) {
            st.setString(1, modelId);
            st.setString(2, modelVersion);
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              return rs.getLong(1)
                  + "/"
                  + rs.getLong(2)
                  + "/"
                  + rs.getString(3)
                  + "/"
                  + rs.getString(4)
                  + "/"
                  + rs.getString(5);
            }
          }
        });
  }

  @Override
  public void scan(Consumer<IndexedItem> sink) {
    rows(
        true,
        rs ->
            sink.accept(
                new IndexedItem(
                    rs.getLong(1), EmbeddingRepository.floats(rs.getArray(7)), facets(rs))));
  }

  /**
   * Streams what {@link #scan} would, without the vectors: each item's id and facets, in ascending
   * id order, in one read-only, repeatable-read transaction (for a facet table beside an index
   * opened from a file).
   */
  public void scanFacets(BiConsumer<Long, ItemFacets> sink) {
    rows(false, rs -> sink.accept(rs.getLong(1), facets(rs)));
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void rows(boolean withVectors, Row row) {
    try (Connection c = tx.dataSource().getConnection()) {
      Transactor.inTransaction(
          c,
          withVectors ? "scan vectors" : "scan facets",
          conn -> {
            try (var st = conn.createStatement()) {
              st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try (PreparedStatement st =
                conn.prepareStatement(
                    "SELECT i.id, c.slug, inst.slug, i.year_from,"
                        + " (SELECT array_agg(v.field ORDER BY v.id) FROM item_facet f"
                        + "  JOIN facet_value v ON v.id = f.value_id WHERE f.item_id = i.id),"
                        + " (SELECT array_agg(v.label ORDER BY v.id) FROM item_facet f"
                        + "  JOIN facet_value v ON v.id = f.value_id WHERE f.item_id = i.id)"
                        + (withVectors ? ", e.vector" : "")
                        + FROM
                        + " ORDER BY i.id")) {
              st.setFetchSize(512); // stream: the driver uses a cursor inside a transaction
              st.setString(1, modelId);
              st.setString(2, modelVersion);
              try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                  row.accept(rs);
                }
              }
            }
            return null;
          });
    } catch (SQLException e) {
      throw new DataAccessException("scan vectors of " + modelId, e);
    }
  }

  private static ItemFacets facets(ResultSet rs) throws SQLException {
    ItemFacets.Builder facets =
        ItemFacets.builder().add("collection", rs.getString(2)).add("institution", rs.getString(3));
    int year = rs.getInt(4);
    if (!rs.wasNull()) {
      facets.add("year", year);
    }
    java.sql.Array fieldArray = rs.getArray(5);
    java.sql.Array labelArray = rs.getArray(6);
    if (fieldArray != null && labelArray != null) {
      Object[] fields = (Object[]) fieldArray.getArray();
      Object[] labels = (Object[]) labelArray.getArray();
      for (int i = 0; i < fields.length; i++) {
        facets.add((String) fields[i], (String) labels[i]);
      }
    }
    return facets.build();
  }
}
