package org.mnemosyne.cli;

import java.io.PrintWriter;
import javax.sql.DataSource;
import org.mnemosyne.db.embedded.DatabaseSettings;
import org.mnemosyne.db.embedded.EmbeddedDatabase;
import org.mnemosyne.db.migration.SchemaMigrator;
import org.mnemosyne.runtime.config.ConfigKey;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a command works on, migrated: the external server when {@code mnemosyne.db.url} is
 * set; otherwise the embedded PostgreSQL in {@code <home>/pg} — the one a running {@code mnemosyne
 * serve} already started, if it answers on the embedded port, or one started for this command and
 * stopped on {@link #close}.
 */
final class CommandDatabase implements AutoCloseable {
  private final DatabaseSettings settings;
  private final DataSource dataSource;
  private EmbeddedDatabase started;

  private CommandDatabase(
      DatabaseSettings settings, DataSource dataSource, EmbeddedDatabase started) {
    this.settings = settings;
    this.dataSource = dataSource;
    this.started = started;
  }

  /** Connects (starting the embedded server if needed) and migrates the schema. */
  static CommandDatabase open(MnemosyneConfig config, DataLayout layout, PrintWriter out) {
    return open(config, layout, out, true);
  }

  /**
   * Connects and migrates the schema.
   *
   * @param shareRunning whether an embedded server that already answers on the embedded port may be
   *     used; {@code serve} owns its server and refuses to share one
   */
  static CommandDatabase open(
      MnemosyneConfig config, DataLayout layout, PrintWriter out, boolean shareRunning) {
    var external = DatabaseSettings.external(config);
    CommandDatabase db;
    if (external.isPresent()) {
      DatabaseSettings s = external.get();
      s.verifyReachable();
      db = new CommandDatabase(s, dataSource(s), null);
      out.println("database: " + s.url() + " (" + s.source() + ")");
    } else {
      int port = config.getInt(ConfigKey.DB_EMBEDDED_PORT, 55432);
      DatabaseSettings running =
          new DatabaseSettings(
              "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
              "postgres",
              "",
              true,
              "embedded server on port " + port);
      if (shareRunning && answers(running)) {
        db = new CommandDatabase(running, dataSource(running), null);
        out.println("database: the embedded PostgreSQL already running on port " + port);
      } else {
        EmbeddedDatabase e = EmbeddedDatabase.start(layout.postgresDir(), port);
        db = new CommandDatabase(e.settings(), e.dataSource(), e);
        out.println(
            "database: embedded PostgreSQL in " + layout.postgresDir() + " on port " + port);
      }
    }
    try {
      out.println("schema: version " + SchemaMigrator.migrate(db.dataSource));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    out.flush();
    return db;
  }

  private static boolean answers(DatabaseSettings s) {
    try {
      s.verifyReachable();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static DataSource dataSource(DatabaseSettings s) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(s.url());
    ds.setUser(s.user());
    ds.setPassword(s.password());
    return ds;
  }

  /** The data source. */
  DataSource dataSource() {
    return dataSource;
  }

  /** How to connect (for a child process such as the portal). */
  DatabaseSettings settings() {
    return settings;
  }

  /** Stops the embedded server if this command started it; idempotent. */
  @Override
  public synchronized void close() {
    if (started != null) {
      started.close();
      started = null;
    }
  }
}
