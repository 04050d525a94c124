package org.mnemosyne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.db.embedded.EmbeddedDatabase;

/** {@code mnemosyne import} against a real PostgreSQL with the real model. */
class ImportCommandTest {
  static final Path DATA = Path.of(System.getProperty("mnemosyne.shared.dir"), "data").normalize();

  @TempDir static Path work;
  static EmbeddedDatabase db;
  static String url;

  @BeforeAll
  static void startDatabase() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    db = EmbeddedDatabase.start(work.resolve("pg"), port);
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE ROLE mnemosyne LOGIN SUPERUSER"); // the default mnemosyne.db.user
    }
    url = db.settings().url();
  }

  @AfterAll
  static void stopDatabase() {
    db.close();
  }

  /** Runs the tool and returns exit code and output. */
  private static Object[] run(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      int code = MnemosyneCommand.run(args);
      return new Object[] {code, buffer.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setOut(out);
    }
  }

  private static Path smallCollection(Path dir, int n) throws Exception {
    Files.createDirectories(dir.resolve("images"));
    List<String> lines = Files.readAllLines(DATA.resolve("clipart/metadata.csv"));
    StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
    for (String line : lines.subList(1, n + 1)) {
      String file = line.split(",")[1];
      Files.copy(DATA.resolve("clipart").resolve(file), dir.resolve(file));
      csv.append(line).append('\n');
    }
    csv.append("broken-row,images/none.jpg,No image,,,,,,,,,,,,,\n");
    Files.writeString(dir.resolve("metadata.csv"), csv.toString());
    return dir;
  }

  @Test
  void importsACollectionPrintsASummaryAndReImportingChangesNothing() throws Exception {
    Path source = smallCollection(work.resolve("drawings"), 5);
    String home = work.resolve("home").toString();
    Object[] first = run("import", "--home", home, "--db-url", url, source.toString());
    String text = (String) first[1];
    assertEquals(0, first[0], text);
    assertTrue(text.contains("into 'drawings'"), text);
    assertTrue(text.contains("created 5, updated 0, unchanged 0"), text);
    assertTrue(text.contains("skipped        1 (missing-image 1)"), text);
    assertTrue(text.contains("metadata.csv line 7 (broken-row) [missing-image]"), text);

    Object[] second = run("import", "--home", home, "--db-url", url, source.toString());
    assertEquals(0, second[0], (String) second[1]);
    assertTrue(
        ((String) second[1]).contains("created 0, updated 0, unchanged 5"), (String) second[1]);
    assertTrue(((String) second[1]).contains("embedded       0 images"), (String) second[1]);

    Object[] reembed = run("import", "--home", home, "--db-url", url, "--reembed", "drawings");
    assertEquals(0, reembed[0], (String) reembed[1]);
    assertTrue(((String) reembed[1]).contains("unchanged 5"), (String) reembed[1]);
  }

  @Test
  void usageErrorsExitWithTwoAndUnreadableSourcesWithOne() throws Exception {
    String home = work.resolve("home2").toString();
    assertEquals(2, run("import", "--home", home)[0]);
    assertEquals(2, run("import", "--home", home, "--samples", "x")[0]);
    assertEquals(
        2, run("import", "--home", home, "--db-url", url, "--collection", "Bad Name!", "x")[0]);
    Object[] missing =
        run("import", "--home", home, "--db-url", url, work.resolve("nothing-here").toString());
    assertEquals(1, missing[0], (String) missing[1]);
  }

  @Test
  void theDefaultCollectionNameComesFromTheSource() {
    assertEquals("art", ImportCommand.defaultName(ImportCommand.location("/data/art/")));
    assertEquals(
        "art", ImportCommand.defaultName(ImportCommand.location("/data/art/metadata.csv")));
    assertEquals(
        "MetObjects", ImportCommand.defaultName(ImportCommand.location("/x/MetObjects.csv")));
    assertEquals(
        "book1",
        ImportCommand.defaultName(
            ImportCommand.location("https://example.org/iiif/book1/manifest.json")));
  }
}
