package org.mnemosyne.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mnemosyne.db.embedded.EmbeddedDatabase;

/**
 * Starts one real PostgreSQL for the whole test run, before Arquillian boots Payara Micro (whose
 * data source is created at deploy time and must find the server up). Port from {@code it.db.port},
 * which Failsafe also passes to Payara as {@code MNEMOSYNE_DB_URL}. Stopped when the run ends.
 */
public class EmbeddedDatabaseExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(EmbeddedDatabaseExtension.class, k -> new Server(), Server.class);
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
    }

    @Override
    public void close() {
      db.close();
    }
  }
}
