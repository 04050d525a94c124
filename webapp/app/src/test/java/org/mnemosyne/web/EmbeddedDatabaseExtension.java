package org.mnemosyne.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.db.embedded.EmbeddedDatabase;
import org.mnemosyne.db.ingest.ImportListener;
import org.mnemosyne.db.ingest.ImportService;
import org.mnemosyne.db.ingest.ImportSettings;
import org.mnemosyne.db.ingest.ImportSummary;
import org.mnemosyne.db.ingest.SampleCollections;
import org.mnemosyne.db.migration.SchemaMigrator;

/**
 * Starts one real PostgreSQL for the whole test run, before Arquillian boots Payara Micro (whose
 * data source is created at deploy time and must find the server up), and imports the three sample
 * collections into it with the real model, as a first start of {@code mnemosyne serve} does. Port
 * from {@code it.db.port}, which Failsafe also passes to Payara as {@code MNEMOSYNE_DB_URL}.
 * Stopped when the run ends.
 */
public class EmbeddedDatabaseExtension implements BeforeAllCallback {
  private static volatile Server server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .getOrComputeIfAbsent(EmbeddedDatabaseExtension.class, k -> new Server(), Server.class);
  }

  /** The test database, for reference answers computed beside the server. */
  static DataSource dataSource() {
    return server.db.dataSource();
  }

  /** The server, closed by JUnit at the end of the run. */
  static final class Server implements ExtensionContext.Store.CloseableResource {
    private final EmbeddedDatabase db;

    Server() {
      try {
        Path dir = Files.createTempDirectory("mnemosyne-it-pg");
        db = EmbeddedDatabase.start(dir, Integer.getInteger("it.db.port"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      SchemaMigrator.migrate(db.dataSource());
      long start = System.nanoTime();
      List<ImportSummary> imported =
          SampleCollections.importOnFirstStart(
              new ImportService(
                  db.dataSource(),
                  LocalModel.registry(),
                  LocalModel.model(),
                  ImportSettings.defaults()),
              LocalModel.SHARED.resolve("data"),
              ImportListener.NONE,
              CancellationToken.NONE);
      System.out.printf(
          "imported %d sample collections in %.1f s%n",
          imported.size(), (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
      db.close();
    }
  }
}
