package org.mnemosyne.db.embedding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.mnemosyne.api.model.Embedding;

/**
 * Stored vectors, one per (item, model id, model version), as {@code real[]}. Works on the caller's
 * connection and transaction. Stateless and thread-safe.
 */
public final class EmbeddingRepository {

  /** Stores (or replaces) an item's vector, computed from the image bytes with that hash. */
  public void store(Connection c, long itemId, Embedding embedding, String contentHash)
      throws SQLException {
    float[] v = embedding.vector();
    Float[] boxed = new Float[v.length];
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new IllegalArgumentException("vector of item " + itemId + " is not finite");
      }
      boxed[i] = v[i];
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO embedding (item_id, model_id, model_version, dimension, vector,"
                + " content_hash) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (item_id, model_id, model_version) DO UPDATE SET"
                + " dimension = EXCLUDED.dimension, vector = EXCLUDED.vector,"
                + " content_hash = EXCLUDED.content_hash, created_at = now()")) {
      st.setLong(1, itemId);
      st.setString(2, embedding.modelId());
      st.setString(3, embedding.modelVersion());
      st.setInt(4, v.length);
      st.setArray(5, c.createArrayOf("float4", boxed));
      st.setString(6, contentHash);
      st.executeUpdate();
    }
  }

  /** The vector of an item for a model, if stored. */
  public Optional<Embedding> find(Connection c, long itemId, String modelId, String modelVersion)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT vector FROM embedding WHERE item_id = ? AND model_id = ? AND model_version = ?")) {
      st.setLong(1, itemId);
      st.setString(2, modelId);
      st.setString(3, modelVersion);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Embedding(modelId, modelVersion, floats(rs.getArray(1))));
      }
    }
  }

  /** A {@code real[]} as floats. */
  public static float[] floats(java.sql.Array array) throws SQLException {
    Object raw = array.getArray();
    if (raw instanceof float[] f) {
      return f;
    }
    Object[] boxed = (Object[]) raw;
    float[] out = new float[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      out[i] = ((Number) boxed[i]).floatValue();
    }
    return out;
  }
}
