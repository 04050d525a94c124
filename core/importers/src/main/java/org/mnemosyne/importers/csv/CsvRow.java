package org.mnemosyne.importers.csv;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a CSV file.
 *
 * @param line the physical line (1-based) on which the record starts
 * @param fields the field values, in order; a field longer than the reader's limit is truncated and
 *     {@code problem} says so
 * @param problem why the record is malformed (unterminated quote, a field too long, text after a
 *     closing quote...), if it is; a malformed record should be reported, not imported
 */
public record CsvRow(long line, List<String> fields, Optional<String> problem) {

  /** Validates and copies. */
  public CsvRow {
    fields = List.copyOf(fields);
    Objects.requireNonNull(problem, "problem");
  }

  /** The value of field {@code index}, or empty text if the row is shorter. */
  public String field(int index) {
    return index < fields.size() ? fields.get(index) : "";
  }
}
