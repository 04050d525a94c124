package org.mnemosyne.importers.csv;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mnemosyne.api.importer.ImageReference;
import org.mnemosyne.api.importer.ImportRecord;

/**
 * Turns the rows of one CSV file into {@link ImportRecord}s with a {@link ColumnMapping}. A row
 * that cannot become a record (no id, no image, a bad year, an image path that leaves the image
 * folder) is refused with an {@link IllegalArgumentException} whose message says why. Immutable.
 */
final class CsvRecordMapper {
  private final ColumnMapping mapping;
  private final Map<String, Integer> index;
  private final List<String> header;
  private final Path imageRoot;
  private final List<SideTable> sides;
  private final Set<String> mapped;

  /**
   * A mapper for a file with this header.
   *
   * @throws IOException if a column the mapping requires (id, image) is missing
   */
  CsvRecordMapper(ColumnMapping mapping, List<String> header, Path imageRoot, List<SideTable> sides)
      throws IOException {
    this.mapping = mapping;
    this.header = List.copyOf(header);
    this.index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      if (index.putIfAbsent(header.get(i), i) != null) {
        throw new IOException("the header names column '" + header.get(i) + "' twice");
      }
    }
    this.imageRoot = imageRoot.toAbsolutePath().normalize();
    this.sides = List.copyOf(sides);
    this.mapped = mapping.mappedColumns();
    List<String> required = new ArrayList<>();
    required.add(mapping.idColumn());
    mapping.imageColumn().ifPresent(required::add);
    required.addAll(mapping.templateColumns());
    for (String column : required) {
      if (!index.containsKey(column) && sides.stream().noneMatch(s -> hasColumn(s, column))) {
        throw new IOException(
            "no column '"
                + column
                + "', which column mapping '"
                + mapping.name()
                + "' requires; the columns are "
                + header);
      }
    }
  }

  private static boolean hasColumn(SideTable side, String column) {
    return side.columns().contains(column);
  }

  /**
   * Maps one row (already checked to have as many fields as the header).
   *
   * @throws IllegalArgumentException with the reason if the row cannot become a record
   */
  ImportRecord map(CsvRow row) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      values.put(header.get(i), row.field(i).strip());
    }
    String id = values.getOrDefault(mapping.idColumn(), "");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("no id: column '" + mapping.idColumn() + "' is empty");
    }
    for (SideTable side : sides) {
      side.row(id).forEach(values::putIfAbsent);
    }
    String licence = text(values, "licence");
    boolean publicDomain =
        field(values, "public-domain")
            .map(v -> v.toLowerCase(Locale.ROOT))
            .map(v -> v.equals("true") || v.equals("yes") || v.equals("1"))
            .orElse(false);
    if (publicDomain && licence == null) {
      licence = "Public domain (CC0 1.0)";
    }
    String rights = text(values, "rights");
    if (rights == null && publicDomain) {
      rights = LicenceUris.CC0;
    }
    if (rights == null && mapping.rightsFromLicence()) {
      rights = LicenceUris.of(licence).orElse(null);
    }
    Integer[] years = years(values);
    return new ImportRecord(
        id,
        text(values, "title"),
        list(values, "makers"),
        text(values, "date"),
        years[0],
        years[1],
        text(values, "culture"),
        list(values, "media"),
        text(values, "classification"),
        rights,
        licence,
        text(values, "credit"),
        text(values, "page"),
        image(values),
        extra(values));
  }

  private Optional<String> field(Map<String, String> values, String key) {
    return mapping.column(key).map(c -> values.getOrDefault(c, "")).filter(v -> !v.isEmpty());
  }

  private String text(Map<String, String> values, String key) {
    return field(values, key).orElse(null);
  }

  private List<String> list(Map<String, String> values, String key) {
    return field(values, key).map(v -> split(v, mapping.separator(key))).orElse(List.of());
  }

  private static List<String> split(String value, Optional<String> separator) {
    if (separator.isEmpty()) {
      return List.of(value);
    }
    List<String> out = new ArrayList<>();
    for (String part : value.split(java.util.regex.Pattern.quote(separator.get()))) {
      String p = part.strip();
      if (!p.isEmpty() && !out.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private Integer[] years(Map<String, String> values) {
    if (mapping.column("year").isPresent()) {
      return field(values, "year")
          .flatMap(YearRange::parse)
          .map(r -> new Integer[] {r.from(), r.to()})
          .orElse(new Integer[] {null, null});
    }
    Integer from = field(values, "year.from").flatMap(YearRange::parseYear).orElse(null);
    Integer to = field(values, "year.to").flatMap(YearRange::parseYear).orElse(null);
    if (from == null) {
      from = to;
    }
    if (to == null) {
      to = from;
    }
    if (from != null) {
      new YearRange(from, to); // validates the order and bounds
    }
    return new Integer[] {from, to};
  }

  private ImageReference image(Map<String, String> values) {
    String location;
    if (mapping.imageColumn().isPresent()) {
      String column = mapping.imageColumn().get();
      location = values.getOrDefault(column, "");
      if (location.isEmpty()) {
        throw new IllegalArgumentException("no image: column '" + column + "' is empty");
      }
      String lower = location.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        return new ImageReference(ImageReference.Kind.URL, location);
      }
    } else {
      location = mapping.fillTemplate(c -> values.getOrDefault(c, ""));
      if (location.contains("/") || location.contains("\\") || location.contains("..")) {
        throw new IllegalArgumentException(
            "image file name '" + location + "' made from the template is not a plain file name");
      }
    }
    Path file;
    try {
      file = imageRoot.resolve(location).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("image path '" + location + "' is not a valid path");
    }
    if (!file.startsWith(imageRoot) || file.equals(imageRoot)) {
      throw new IllegalArgumentException(
          "image path '" + location + "' leaves the image folder " + imageRoot);
    }
    return new ImageReference(ImageReference.Kind.FILE, file.toString());
  }

  private Map<String, String> extra(Map<String, String> values) {
    Map<String, String> extra = new LinkedHashMap<>();
    for (var f : mapping.facets().entrySet()) {
      String raw = values.getOrDefault(f.getValue(), "");
      List<String> parts = split(raw, mapping.separator("facet." + f.getKey()));
      if (!parts.isEmpty()) {
        extra.put(
            ImportRecord.FACET_PREFIX + f.getKey(),
            String.join(ImportRecord.FACET_VALUE_SEPARATOR, parts));
      }
    }
    for (var e : values.entrySet()) {
      if (!mapped.contains(e.getKey()) && !e.getValue().isEmpty()) {
        extra.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    return extra;
  }
}
