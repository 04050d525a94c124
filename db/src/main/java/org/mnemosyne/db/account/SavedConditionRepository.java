package org.mnemosyne.db.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mnemosyne.db.jdbc.Transactor;

/**
 * Saved conditions: a user's own (owner set) and published ones (no owner), stored as canonical
 * text plus JSON — data, never SQL. Names are unique per owner (and among published ones).
 */
public final class SavedConditionRepository {
  private final Transactor tx;

  /** Saved conditions in a database. */
  public SavedConditionRepository(Transactor tx) {
    this.tx = tx;
  }

  /** The published conditions and, for a signed-in user, their own; by name. */
  public List<SavedCondition> visibleTo(Optional<Long> user) {
    return tx.inTransaction(
        "list saved conditions",
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT id, name, condition_text, owner_id FROM saved_condition"
                      + " WHERE owner_id IS NULL OR owner_id = ? ORDER BY owner_id NULLS FIRST,"
                      + " lower(name)")) {
            st.setLong(1, user.orElse(-1L));
            List<SavedCondition> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                out.add(row(rs));
              }
            }
            return out;
          }
        });
  }

  /**
   * Saves (or replaces, by name) a user's condition.
   *
   * @param owner the user, or empty to publish it directly
   * @return its id
   */
  public long save(Optional<Long> owner, String name, String text, String json) {
    return tx.inTransaction(
        "save condition",
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO saved_condition (owner_id, name, condition_text, condition_json)"
                      + " VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (coalesce(owner_id, 0), name)"
                      + " DO UPDATE SET condition_text = EXCLUDED.condition_text,"
                      + " condition_json = EXCLUDED.condition_json, updated_at = now()"
                      + " RETURNING id")) {
            if (owner.isPresent()) {
              st.setLong(1, owner.get());
            } else {
              st.setNull(1, java.sql.Types.BIGINT);
            }
            st.setString(2, name);
            st.setString(3, text);
            st.setString(4, json);
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /**
   * Publishes a condition: it loses its owner and everyone sees it.
   *
   * @return whether it existed
   */
  public boolean publish(long id) {
    return update(
        "UPDATE saved_condition SET owner_id = NULL, updated_at = now() WHERE id = ?", id);
  }

  /**
   * Deletes a condition.
   *
   * @return whether it existed
   */
  public boolean delete(long id) {
    return update("DELETE FROM saved_condition WHERE id = ?", id);
  }

  private boolean update(String sql, long id) {
    return tx.inTransaction(
        "change saved condition",
        c -> {
          try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            return st.executeUpdate() > 0;
          }
        });
  }

  private static SavedCondition row(ResultSet rs) throws SQLException {
    long owner = rs.getLong(4);
    return new SavedCondition(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.wasNull() ? Optional.empty() : Optional.of(owner));
  }
}
