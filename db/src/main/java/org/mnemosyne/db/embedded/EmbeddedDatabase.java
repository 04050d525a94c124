package org.mnemosyne.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server run as a child process from binaries shipped on Maven Central, with its
 * data in a directory that survives restarts (default {@code ~/.mnemosyne/pg}). Listens on
 * 127.0.0.1 only, durable (fsync on: a crash loses no committed row). Close it to stop the server.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final DatabaseSettings settings;

  private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseSettings settings) {
    this.postgres = postgres;
    this.settings = settings;
  }

  /**
   * Starts the server (initialising the data directory on first use).
   *
   * @throws IllegalStateException naming the directory and port if it cannot start (port taken,
   *     directory in use by another server, no permission)
   */
  public static EmbeddedDatabase start(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "127.0.0.1")
              // The library defaults favour test speed over durability; this is real data.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .start();
      String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
      return new EmbeddedDatabase(
          pg, new DatabaseSettings(url, "postgres", "", true, "embedded server in " + dataDir));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot start the embedded PostgreSQL in "
              + dataDir
              + " on port "
              + port
              + ": "
              + (e instanceof UncheckedIOException u ? u.getCause() : e).getMessage()
              + "; is another Mnemosyne running? Stop it, or set mnemosyne.db.embedded.port"
              + " and mnemosyne.home",
          e);
    }
  }

  /** How to connect. */
  public DatabaseSettings settings() {
    return settings;
  }

  /** A data source for migrations and checks. */
  public javax.sql.DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  /** Stops the server; the data stays. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
    }
  }
}
