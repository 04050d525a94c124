package org.mnemosyne.db.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.mnemosyne.db.jdbc.Transactor;

/**
 * Portal users ({@code app_user}, {@code app_user_role}). Passwords arrive already hashed (the web
 * application hashes with Jakarta Security's PBKDF2); nothing here sees a clear password.
 */
public final class UserRepository {
  private final Transactor tx;

  /** Users in a database. */
  public UserRepository(Transactor tx) {
    this.tx = tx;
  }

  /** Whether any enabled user has the admin role. */
  public boolean anyAdmin() {
    return tx.inTransaction(
        "look for an admin",
        c -> {
          return anyAdmin(c);
        });
  }

  private static boolean anyAdmin(Connection c) throws SQLException {
    try (PreparedStatement st =
            c.prepareStatement(
                "SELECT 1 FROM app_user u JOIN app_user_role r ON r.user_id = u.id"
                    + " WHERE r.role_name = 'admin' AND u.enabled LIMIT 1");
        ResultSet rs = st.executeQuery()) {
      return rs.next();
    }
  }

  /**
   * Creates a user.
   *
   * @param passwordHash the hash in Jakarta Security's PBKDF2 format
   * @param roles role names ({@code admin}, {@code curator})
   * @return the new user's id
   * @throws org.mnemosyne.db.jdbc.DataAccessException if the name is taken or malformed
   */
  public long create(
      String username, String displayName, String passwordHash, Collection<String> roles) {
    return tx.inTransaction(
        "create user " + username, c -> insert(c, username, displayName, passwordHash, roles));
  }

  private static long insert(
      Connection c,
      String username,
      String displayName,
      String passwordHash,
      Collection<String> roles)
      throws SQLException {
    long id;
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO app_user (username, display_name, password_hash)"
                + " VALUES (?, ?, ?) RETURNING id")) {
      st.setString(1, username);
      st.setString(2, displayName);
      st.setString(3, passwordHash);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    for (String role : roles) {
      try (PreparedStatement st =
          c.prepareStatement("INSERT INTO app_user_role (user_id, role_name) VALUES (?, ?)")) {
        st.setLong(1, id);
        st.setString(2, role);
        st.executeUpdate();
      }
    }
    return id;
  }

  /**
   * Creates the first admin (portal-wide), only if there is no enabled admin yet. Two callers at
   * once cannot both succeed: the check and the insert run under a table lock.
   *
   * @param passwordHash the hash in Jakarta Security's PBKDF2 format
   * @return the new admin's id, or empty if an admin existed already
   * @throws org.mnemosyne.db.jdbc.DataAccessException if the name is taken or malformed
   */
  public Optional<Long> createFirstAdmin(String username, String displayName, String passwordHash) {
    return tx.inTransaction(
        "create the first admin",
        c -> {
          try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE app_user_role IN SHARE ROW EXCLUSIVE MODE");
          }
          if (anyAdmin(c)) {
            return Optional.empty();
          }
          return Optional.of(insert(c, username, displayName, passwordHash, List.of("admin")));
        });
  }

  /** The id of a user by name (case-insensitive), if there is one. */
  public Optional<Long> idOf(String username) {
    return tx.inTransaction(
        "find user",
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("SELECT id FROM app_user WHERE lower(username) = lower(?)")) {
            st.setString(1, username);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
          }
        });
  }
}
