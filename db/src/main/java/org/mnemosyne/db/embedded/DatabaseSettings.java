package org.mnemosyne.db.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import org.mnemosyne.runtime.config.ConfigKey;
import org.mnemosyne.runtime.config.MnemosyneConfig;

/**
 * How to reach PostgreSQL.
 *
 * @param url JDBC URL
 * @param user user name
 * @param password password (may be empty)
 * @param embedded whether the launcher runs the server itself
 * @param source for messages: where the URL came from
 */
public record DatabaseSettings(
    String url, String user, String password, boolean embedded, String source) {

  /** Validates. */
  public DatabaseSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    password = password == null ? "" : password;
  }

  /** The external server from configuration, if {@code mnemosyne.db.url} is set. */
  public static java.util.Optional<DatabaseSettings> external(MnemosyneConfig config) {
    return config
        .get(ConfigKey.DB_URL)
        .map(
            url -> {
              if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException(
                    "mnemosyne.db.url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)"
                        + " but is '"
                        + url
                        + "' ("
                        + config.sourceOf(ConfigKey.DB_URL.key())
                        + ")");
              }
              return new DatabaseSettings(
                  url,
                  config.get(ConfigKey.DB_USER, "mnemosyne"),
                  config.get(ConfigKey.DB_PASSWORD, ""),
                  false,
                  config.sourceOf(ConfigKey.DB_URL.key()));
            });
  }

  /**
   * Opens a connection and runs {@code SELECT 1}.
   *
   * @throws IllegalStateException with one message that names the server, the cause and what to do
   */
  public void verifyReachable() {
    try (Connection c = DriverManager.getConnection(url, user, password);
        var st = c.createStatement()) {
      st.execute("SELECT 1");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot connect to PostgreSQL at "
              + url
              + " as '"
              + user
              + "' ("
              + source
              + "): "
              + e.getMessage()
              + (embedded
                  ? "; the embedded server did not come up, see its log above"
                  : "; start that server or correct mnemosyne.db.url / mnemosyne.db.user /"
                      + " mnemosyne.db.password (or unset mnemosyne.db.url to use the embedded"
                      + " database)"),
          e);
    }
  }
}
