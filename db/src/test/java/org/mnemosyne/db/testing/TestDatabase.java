package org.mnemosyne.db.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.mnemosyne.db.embedded.EmbeddedDatabase;
import org.mnemosyne.db.migration.SchemaMigrator;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server per test JVM (embedded, on a free loopback port, in a temporary
 * directory, stopped at exit), and a fresh, migrated database for every caller, so tests never
 * share data.
 */
public final class TestDatabase {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedDatabase server;
  private static int port;

  private TestDatabase() {}

  /** A free loopback port. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized EmbeddedDatabase server() {
    if (server == null) {
      try {
        Path dir = Files.createTempDirectory("mnemosyne-test-pg");
        port = freePort();
        server = EmbeddedDatabase.start(dir.resolve("pg"), port);
        EmbeddedDatabase s = server;
        Runtime.getRuntime().addShutdownHook(new Thread(s::close, "test-pg-stop"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /** A new, empty, migrated database. */
  public static PGSimpleDataSource fresh() {
    DataSource admin = server().dataSource();
    String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = admin.getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name); // name is generated above, never user text
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/" + name);
    ds.setUser("postgres");
    SchemaMigrator.migrate(ds);
    return ds;
  }
}
