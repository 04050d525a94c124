package org.mnemosyne.importers.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A side CSV joined to the main file on the id column, e.g. {@code subjects.csv}: for each id, its
 * row's values by column. The first row of an id wins; malformed rows are reported and skipped.
 * Immutable after loading.
 */
final class SideTable {
  /** Most rows a side table may hold (it is kept in memory). */
  static final int MAX_ROWS = 2_000_000;

  private final String fileName;
  private final List<String> columns;
  private final Map<String, Map<String, String>> rowsById;

  private SideTable(
      String fileName, List<String> columns, Map<String, Map<String, String>> rowsById) {
    this.fileName = fileName;
    this.columns = columns;
    this.rowsById = rowsById;
  }

  /**
   * Loads a side file.
   *
   * @param idColumn the column holding the id (the main file's id column)
   * @param problems receives (where, reason) for rows that are skipped
   * @throws IOException if the file cannot be read or has no id column
   */
  static SideTable load(
      Path file, String idColumn, char delimiter, BiConsumer<String, String> problems)
      throws IOException {
    String name = file.getFileName().toString();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv =
            new CsvReader(
                r, delimiter, CsvReader.DEFAULT_MAX_FIELD_CHARS, CsvReader.DEFAULT_MAX_FIELDS)) {
      CsvRow header =
          csv.next().orElseThrow(() -> new IOException(name + " is empty: no header row"));
      List<String> columns = header.fields().stream().map(String::strip).toList();
      int idIndex = columns.indexOf(idColumn);
      if (idIndex < 0) {
        throw new IOException(name + " has no column '" + idColumn + "' to join on");
      }
      Map<String, Map<String, String>> rows = new HashMap<>();
      Optional<CsvRow> next;
      while ((next = csv.next()).isPresent()) {
        CsvRow row = next.get();
        String where = name + " line " + row.line();
        if (row.problem().isPresent()) {
          problems.accept(where, row.problem().get());
          continue;
        }
        if (row.fields().size() != columns.size()) {
          problems.accept(
              where, "has " + row.fields().size() + " fields, the header has " + columns.size());
          continue;
        }
        if (rows.size() >= MAX_ROWS) {
          throw new IOException(name + " has more than " + MAX_ROWS + " rows");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          if (i != idIndex) {
            values.put(columns.get(i), row.field(i).strip());
          }
        }
        rows.putIfAbsent(row.field(idIndex).strip(), Collections.unmodifiableMap(values));
      }
      return new SideTable(name, columns, rows);
    }
  }

  /** The file name, for messages. */
  String fileName() {
    return fileName;
  }

  /** The columns, the id column included. */
  List<String> columns() {
    return columns;
  }

  /** The values of the row with that id (empty map if there is none). */
  Map<String, String> row(String id) {
    return rowsById.getOrDefault(id, Map.of());
  }
}
