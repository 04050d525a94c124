package org.mnemosyne.db.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small queries for assertions. */
public final class Sql {
  private Sql() {}

  /**
   * Inserts a minimal active item (a file image with the given content and record hash).
   *
   * @return its id
   */
  public static long insertItem(DataSource ds, long collection, String sourceId, String hash) {
    return count(
        ds,
        "INSERT INTO item (collection_id, source_id, image_kind, image_location,"
            + " content_hash, record_hash) VALUES (?, ?, 'file', '/x.jpg', ?, ?) RETURNING id",
        collection,
        sourceId,
        hash,
        hash);
  }

  /** The first column of the first row, as a long. */
  public static long count(DataSource ds, String sql, Object... params) {
    List<String> r = column(ds, sql, params);
    return Long.parseLong(r.get(0));
  }

  /** The first column of every row, as text. */
  public static List<String> column(DataSource ds, String sql, Object... params) {
    try (Connection c = ds.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs an update. */
  public static int update(DataSource ds, String sql, Object... params) {
    try (Connection c = ds.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      return st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
