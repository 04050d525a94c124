package org.mnemosyne.importers.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mnemosyne.api.index.FacetField;

/**
 * How the columns of a CSV file become an {@link org.mnemosyne.api.importer.ImportRecord}: a
 * properties file (UTF-8) whose keys name record fields and whose values name columns. Two mappings
 * ship: {@code mnemosyne} (the sample collections' 16 columns) and {@code met} (the Metropolitan
 * Museum's Open Access CSV).
 *
 * <p>Keys:
 *
 * <ul>
 *   <li>{@code id} (required): the object's id in the source;
 *   <li>{@code image}: a column holding the image path (relative to the image folder) or an {@code
 *       http(s)} URL; or {@code image.template}: a file name made from columns, e.g. {@code {Object
 *       ID}.jpg}. One of the two is required;
 *   <li>{@code title}, {@code makers}, {@code date}, {@code culture}, {@code media}, {@code
 *       classification}, {@code licence}, {@code rights} (a URI), {@code credit}, {@code page} (the
 *       museum's page for the object);
 *   <li>{@code year} (one column: a year or a range such as {@code 1650-1660}) or {@code year.from}
 *       and {@code year.to};
 *   <li>{@code public-domain}: a column that is {@code true} for public-domain objects (sets the
 *       CC0 rights URI and licence when the row has none);
 *   <li>{@code rights.from-licence = true}: derive the rights URI from a licence that starts with a
 *       known SPDX id ({@code CC0-1.0}, {@code CC-BY-4.0}...);
 *   <li>{@code facet.<name>}: a column whose values become facet {@code <name>}, overriding the
 *       facet the host derives from a field (e.g. {@code facet.medium = medium_class});
 *   <li>{@code <key>.separator}: splits a cell into several values (default {@code ;} for facets,
 *       none for makers and media);
 *   <li>{@code join}: side CSV files (comma-separated, relative to the CSV's folder, skipped when
 *       absent) whose rows are joined on the id column, e.g. {@code subjects.csv}.
 * </ul>
 *
 * Columns that no key names are kept as free metadata. Immutable and thread-safe.
 */
public final class ColumnMapping {
  /** The built-in mapping names. */
  public static final Set<String> BUILT_IN = Set.of("mnemosyne", "met");

  /** Field keys that name one column each. */
  static final List<String> FIELD_KEYS =
      List.of(
          "title",
          "makers",
          "date",
          "year",
          "year.from",
          "year.to",
          "culture",
          "media",
          "classification",
          "licence",
          "rights",
          "credit",
          "page",
          "public-domain");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

  private final String name;
  private final String idColumn;
  private final Optional<String> imageColumn;
  private final Optional<String> imageTemplate;
  private final Map<String, String> fields;
  private final Map<String, String> facets;
  private final Map<String, String> separators;
  private final List<String> joins;
  private final boolean rightsFromLicence;

  private ColumnMapping(String name, Properties p) {
    this.name = name;
    Map<String, String> fieldMap = new LinkedHashMap<>();
    Map<String, String> facetMap = new LinkedHashMap<>();
    Map<String, String> separatorMap = new TreeMap<>();
    String id = null;
    String image = null;
    String template = null;
    List<String> joinList = new ArrayList<>();
    boolean fromLicence = false;
    for (String key : new TreeMap<>(toMap(p)).keySet()) {
      String value = p.getProperty(key).strip();
      if (key.endsWith(".separator")) {
        if (value.isEmpty()) {
          throw invalid(key, "a separator must not be empty");
        }
        separatorMap.put(key.substring(0, key.length() - ".separator".length()), value);
      } else if (key.equals("id")) {
        id = value;
      } else if (key.equals("image")) {
        image = value;
      } else if (key.equals("image.template")) {
        template = value;
      } else if (key.equals("join")) {
        for (String j : value.split(",")) {
          if (!j.isBlank()) {
            joinList.add(j.strip());
          }
        }
      } else if (key.equals("rights.from-licence")) {
        fromLicence = Boolean.parseBoolean(value);
      } else if (key.startsWith("facet.")) {
        String facet = key.substring("facet.".length());
        try {
          FacetField.categorical(facet, true);
        } catch (IllegalArgumentException e) {
          throw invalid(key, e.getMessage());
        }
        facetMap.put(facet, value);
      } else if (FIELD_KEYS.contains(key)) {
        fieldMap.put(key, value);
      } else {
        throw invalid(
            key,
            "unknown key; known keys: id, image, image.template, "
                + String.join(", ", FIELD_KEYS)
                + ", rights.from-licence, facet.<name>, <key>.separator, join");
      }
    }
    if (id == null || id.isEmpty()) {
      throw invalid("id", "the id column is required");
    }
    if ((image == null) == (template == null)) {
      throw invalid("image", "exactly one of image and image.template is required");
    }
    if (fieldMap.containsKey("year")
        && (fieldMap.containsKey("year.from") || fieldMap.containsKey("year.to"))) {
      throw invalid("year", "use either year or year.from/year.to");
    }
    for (String k : separatorMap.keySet()) {
      if (!k.equals("makers") && !k.equals("media") && !k.startsWith("facet.")) {
        throw invalid(k + ".separator", "only makers, media and facet.<name> can be split");
      }
    }
    this.idColumn = id;
    this.imageColumn = Optional.ofNullable(image);
    this.imageTemplate = Optional.ofNullable(template);
    this.fields = Collections.unmodifiableMap(fieldMap);
    this.facets = Collections.unmodifiableMap(facetMap);
    this.separators = Collections.unmodifiableMap(separatorMap);
    this.joins = List.copyOf(joinList);
    this.rightsFromLicence = fromLicence;
  }

  private IllegalArgumentException invalid(String key, String reason) {
    return new IllegalArgumentException(
        "column mapping '" + name + "', key " + key + ": " + reason);
  }

  private static Map<String, String> toMap(Properties p) {
    Map<String, String> m = new LinkedHashMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
    return m;
  }

  /**
   * A built-in mapping by name, or a mapping file.
   *
   * @param nameOrFile {@code mnemosyne}, {@code met}, or the path of a properties file
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the mapping is invalid (the message names the key)
   */
  public static ColumnMapping load(String nameOrFile) throws IOException {
    if (BUILT_IN.contains(nameOrFile)) {
      try (InputStream in = ColumnMapping.class.getResourceAsStream(nameOrFile + ".properties")) {
        if (in == null) {
          throw new IOException("built-in column mapping " + nameOrFile + " is missing");
        }
        return parse(nameOrFile, new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    }
    Path file = Path.of(nameOrFile);
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          "column mapping '"
              + nameOrFile
              + "' is neither a built-in mapping "
              + new java.util.TreeSet<>(BUILT_IN)
              + " nor a readable file");
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(file.getFileName().toString(), r);
    }
  }

  /** Parses a mapping from properties text. */
  public static ColumnMapping parse(String name, Reader text) throws IOException {
    Properties p = new Properties();
    p.load(text);
    return new ColumnMapping(name, p);
  }

  /** The mapping's name (built-in name or file name). */
  public String name() {
    return name;
  }

  /** The id column. */
  public String idColumn() {
    return idColumn;
  }

  /** The image column, if images are named by a column. */
  public Optional<String> imageColumn() {
    return imageColumn;
  }

  /** The image file-name template, if images are named by a template. */
  public Optional<String> imageTemplate() {
    return imageTemplate;
  }

  /** The column of a field key (see {@link #FIELD_KEYS}), if mapped. */
  public Optional<String> column(String fieldKey) {
    return Optional.ofNullable(fields.get(fieldKey));
  }

  /** Facet name to column. */
  public Map<String, String> facets() {
    return facets;
  }

  /** The separator that splits the cells of a key ({@code makers}, {@code facet.x}), if any. */
  public Optional<String> separator(String key) {
    String s = separators.get(key);
    if (s == null && key.startsWith("facet.")) {
      return Optional.of(";");
    }
    return Optional.ofNullable(s);
  }

  /** Side files to join on the id column. */
  public List<String> joins() {
    return joins;
  }

  /** Whether a rights URI is derived from a known licence id. */
  public boolean rightsFromLicence() {
    return rightsFromLicence;
  }

  /** The columns the image template refers to. */
  public List<String> templateColumns() {
    List<String> columns = new ArrayList<>();
    imageTemplate.ifPresent(
        t -> {
          Matcher m = PLACEHOLDER.matcher(t);
          while (m.find()) {
            columns.add(m.group(1));
          }
        });
    return columns;
  }

  /** Fills the image template with a row's values (looked up by column name). */
  String fillTemplate(java.util.function.Function<String, String> valueOf) {
    String t = imageTemplate.orElseThrow();
    Matcher m = PLACEHOLDER.matcher(t);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(valueOf.apply(m.group(1))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Every column the mapping names (for telling mapped from free columns). */
  Set<String> mappedColumns() {
    Set<String> s = new java.util.HashSet<>();
    s.add(idColumn);
    imageColumn.ifPresent(s::add);
    s.addAll(templateColumns());
    s.addAll(fields.values());
    s.addAll(facets.values());
    return s;
  }

  @Override
  public String toString() {
    return "ColumnMapping[" + name + "]";
  }
}
