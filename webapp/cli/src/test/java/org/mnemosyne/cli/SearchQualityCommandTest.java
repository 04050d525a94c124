package org.mnemosyne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.importers.csv.CsvReader;

/**
 * {@code mnemosyne search-quality --from folders} end to end with the real model, on the first rows
 * of each sample collection.
 */
class SearchQualityCommandTest {
  private static final Path DATA =
      Path.of(System.getProperty("mnemosyne.shared.dir"), "data").normalize();
  private static final int ROWS = 6;

  @TempDir Path work;

  @Test
  void printsOneRowPerQueryMediumAndTargetWithLabelCounts() throws Exception {
    Path data = work.resolve("data");
    for (String c : List.of("art", "photos", "clipart")) {
      Set<String> ids = copyFirstRows(DATA.resolve(c), data.resolve(c), "metadata.csv", null);
      if (Files.exists(DATA.resolve(c).resolve("subjects.csv"))) {
        copyFirstRows(DATA.resolve(c), data.resolve(c), "subjects.csv", ids);
      }
    }
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      code =
          MnemosyneCommand.run(
              "search-quality",
              "--from",
              "folders",
              "--data-dir",
              data.toString(),
              "--home",
              work.resolve("home").toString(),
              "--k",
              "3");
    } finally {
      System.setOut(old);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, out);
    assertTrue(out.contains("| query medium | target | queries | P@3 | chance |"), out);
    assertTrue(out.contains("photos (photographs): 6 items, 6 labelled"), out);
    assertTrue(out.contains("art (paintings): 6 items"), out);
    assertEquals(3 * 4, out.lines().filter(l -> l.matches("\\| (paintings|photo|clip).*")).count());
    assertTrue(out.contains("| photographs | clip art — collection:clipart | "), out);
    assertTrue(out.contains("| clip art | all (unconditional) | "), out);
  }

  @Test
  void aMissingCollectionFolderFailsWithItsName() {
    PrintStream old = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      code =
          MnemosyneCommand.run(
              "search-quality",
              "--from",
              "folders",
              "--data-dir",
              work.toString(),
              "--home",
              work.resolve("home").toString(),
              "--collections",
              "nowhere");
    } finally {
      System.setErr(old);
    }
    String err = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, err);
    assertTrue(err.contains("collection 'nowhere'") && err.contains("has no metadata.csv"), err);
  }

  /** Copies the header and the first rows (or the rows of {@code ids}), and their images. */
  private static Set<String> copyFirstRows(Path from, Path to, String csv, Set<String> ids)
      throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(from.resolve(csv), StandardCharsets.UTF_8);
        CsvReader in = new CsvReader(r)) {
      for (var row = in.next(); row.isPresent(); row = in.next()) {
        List<String> f = row.get().fields();
        if (rows.isEmpty() || (ids == null ? rows.size() <= ROWS : ids.contains(f.get(0)))) {
          rows.add(f);
        }
      }
    }
    Files.createDirectories(to.resolve("images"));
    int file = rows.get(0).indexOf("file");
    for (List<String> r : rows.subList(1, rows.size())) {
      if (file >= 0) {
        Files.copy(from.resolve(r.get(file)), to.resolve(r.get(file)));
      }
    }
    Files.writeString(
        to.resolve(csv),
        rows.stream()
            .map(
                r ->
                    r.stream()
                        .map(SearchQualityCommandTest::quote)
                        .collect(Collectors.joining(",")))
            .collect(Collectors.joining("\n", "", "\n")));
    return rows.subList(1, rows.size()).stream().map(r -> r.get(0)).collect(Collectors.toSet());
  }

  private static String quote(String field) {
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
