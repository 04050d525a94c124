package org.mnemosyne.db.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mnemosyne.importers.csv.CsvReader;
import org.mnemosyne.importers.csv.CsvRow;

/**
 * Small collections for tests, cut from a sample collection: the first rows of its {@code
 * metadata.csv} with their images, copied into a folder the test may change.
 */
public final class SampleFixture {
  private SampleFixture() {}

  /** The header and rows of a sample's metadata.csv. */
  public static List<List<String>> rows(String sample) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (Reader r =
            Files.newBufferedReader(
                TestModel.DATA.resolve(sample).resolve("metadata.csv"), StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(r)) {
      Optional<CsvRow> row;
      while ((row = csv.next()).isPresent()) {
        rows.add(row.get().fields());
      }
    }
    return rows;
  }

  /**
   * Copies the first {@code n} rows of a sample (and their images) into {@code dir}.
   *
   * @return the rows written, header first
   */
  public static List<List<String>> copy(String sample, int n, Path dir) throws IOException {
    List<List<String>> all = rows(sample);
    List<List<String>> rows = new ArrayList<>(all.subList(0, n + 1));
    Files.createDirectories(dir.resolve("images"));
    for (List<String> row : rows.subList(1, rows.size())) {
      Files.copy(
          TestModel.DATA.resolve(sample).resolve(row.get(1)),
          dir.resolve(row.get(1)),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    write(dir.resolve("metadata.csv"), rows);
    return rows;
  }

  /** Writes rows as RFC 4180 CSV (every field quoted). */
  public static void write(Path file, List<List<String>> rows) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      List<String> quoted = new ArrayList<>();
      for (String f : row) {
        quoted.add('"' + f.replace("\"", "\"\"") + '"');
      }
      sb.append(String.join(",", quoted)).append("\r\n");
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }
}
