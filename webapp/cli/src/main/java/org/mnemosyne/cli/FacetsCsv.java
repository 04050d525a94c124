package org.mnemosyne.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.importers.csv.CsvReader;
import org.mnemosyne.importers.csv.CsvRow;

/**
 * A facets CSV for {@code mnemosyne index}: a header {@code id,<field>,...}, then one row per
 * vector in the same order. A column whose values all parse as numbers is numeric; values separated
 * by {@code |} make a multi-valued field; an empty cell is a missing value.
 *
 * @param ids the item ids, row order
 * @param schema the inferred schema
 * @param facets the facets, row order
 */
record FacetsCsv(long[] ids, FacetSchema schema, List<ItemFacets> facets) {

  static FacetsCsv read(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(r)) {
      for (var row = csv.next(); row.isPresent(); row = csv.next()) {
        CsvRow c = row.get();
        if (c.problem().isPresent()) {
          throw new IllegalArgumentException(file + " line " + c.line() + ": " + c.problem().get());
        }
        rows.add(c.fields());
      }
    }
    if (rows.isEmpty() || !rows.get(0).get(0).strip().equalsIgnoreCase("id")) {
      throw new IllegalArgumentException(file + ": the first column of the header must be 'id'");
    }
    List<String> header = rows.get(0);
    int columns = header.size();
    boolean[] numeric = new boolean[columns];
    boolean[] multi = new boolean[columns];
    java.util.Arrays.fill(numeric, true);
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() != columns) {
        throw new IllegalArgumentException(
            file
                + ": row "
                + rows.indexOf(row)
                + " has "
                + row.size()
                + " fields, header has "
                + columns);
      }
      for (int c = 1; c < columns; c++) {
        for (String v : values(row.get(c))) {
          numeric[c] &= isNumber(v);
        }
        multi[c] |= row.get(c).contains("|");
      }
    }
    List<FacetField> fields = new ArrayList<>();
    for (int c = 1; c < columns; c++) {
      String name = header.get(c).strip().toLowerCase(java.util.Locale.ROOT);
      fields.add(
          numeric[c] && !multi[c]
              ? FacetField.numeric(name)
              : FacetField.categorical(name, multi[c]));
    }
    FacetSchema schema = FacetSchema.of(fields);
    long[] ids = new long[rows.size() - 1];
    List<ItemFacets> facets = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      try {
        ids[i - 1] = Long.parseLong(row.get(0).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            file + ": row " + i + " has a non-numeric id '" + row.get(0) + "'");
      }
      ItemFacets.Builder b = ItemFacets.builder();
      for (int c = 1; c < columns; c++) {
        FacetField f = fields.get(c - 1);
        for (String v : values(row.get(c))) {
          if (f.type() == org.mnemosyne.api.index.FacetType.NUMERIC) {
            b.add(f.name(), Double.parseDouble(v));
          } else {
            b.add(f.name(), v);
          }
        }
      }
      facets.add(b.build());
    }
    return new FacetsCsv(ids, schema, facets);
  }

  private static List<String> values(String cell) {
    List<String> out = new ArrayList<>();
    for (String v : cell.split("\\|")) {
      if (!v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }

  private static boolean isNumber(String v) {
    try {
      return Double.isFinite(Double.parseDouble(v));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
