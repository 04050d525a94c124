package org.mnemosyne.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.db.embedded.DatabaseSettings;
import org.mnemosyne.db.embedded.EmbeddedDatabase;
import org.mnemosyne.db.migration.SchemaMigrator;
import org.mnemosyne.runtime.config.MnemosyneConfig;

/** Real PostgreSQL: migrations apply once, data survives a restart, bad settings say why. */
class EmbeddedDatabaseTest {
  @TempDir Path dir;

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The highest version among the shipped migration scripts. */
  static String latestMigration() throws Exception {
    try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
      return String.valueOf(
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.*\\.sql"))
              .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
              .max()
              .orElseThrow());
    }
  }

  @Test
  void migratesOnceAndKeepsDataAcrossARestart() throws Exception {
    int port = freePort();
    Path data = dir.resolve("pg");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, port)) {
      assertEquals(latestMigration(), SchemaMigrator.migrate(db.dataSource()));
      db.settings().verifyReachable();
      try (Connection c = db.dataSource().getConnection()) {
        c.createStatement()
            .execute(
                "INSERT INTO server_start (started_at, app_version, java_version)"
                    + " VALUES (now(), 'test', '17')");
      }
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, port)) {
      assertEquals(latestMigration(), SchemaMigrator.migrate(db.dataSource()));
      try (Connection c = db.dataSource().getConnection();
          ResultSet rs =
              c.createStatement()
                  .executeQuery("SELECT count(*), max(app_version) FROM server_start")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
        assertEquals("test", rs.getString(2));
      }
    }
  }

  @Test
  void aSecondServerOnTheSameDirectoryIsRefusedClearly() throws Exception {
    Path data = dir.resolve("pg");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data, freePort())) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> EmbeddedDatabase.start(data, freePort()));
      assertTrue(e.getMessage().contains(data.toString()), e.getMessage());
    }
  }

  @Test
  void anUnreachableExternalServerNamesTheUrlAndItsSource() throws Exception {
    int port = freePort();
    MnemosyneConfig config =
        MnemosyneConfig.of(
            Map.of("mnemosyne.db.url", "jdbc:postgresql://127.0.0.1:" + port + "/nope"));
    DatabaseSettings settings = DatabaseSettings.external(config).orElseThrow();
    IllegalStateException e = assertThrows(IllegalStateException.class, settings::verifyReachable);
    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    assertTrue(e.getMessage().contains("mnemosyne.db.url"), e.getMessage());
  }

  @Test
  void aNonPostgresUrlIsRejected() {
    MnemosyneConfig config = MnemosyneConfig.of(Map.of("mnemosyne.db.url", "jdbc:mysql://x/y"));
    assertThrows(IllegalStateException.class, () -> DatabaseSettings.external(config));
  }
}
