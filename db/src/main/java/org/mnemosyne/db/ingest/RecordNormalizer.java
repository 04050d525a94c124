package org.mnemosyne.db.ingest;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.mnemosyne.api.importer.ImageReference;
import org.mnemosyne.api.importer.ImportRecord;
import org.mnemosyne.db.catalog.FacetValueKey;
import org.mnemosyne.db.catalog.ItemDraft;

/**
 * Validates and normalises a record before it is stored: every text made {@link PlainText plain},
 * length limits (a field over its limit refuses the row with code {@code too-long}), years within
 * range ({@code bad-year}), the image location checked ({@code bad-image-location}; relative files
 * resolved against the source's folder), links kept only if {@code http(s)} ({@code bad-url}
 * warning), and facets derived:
 *
 * <ul>
 *   <li>explicit {@code facet.<name>} entries of the record's extra fields, values separated by
 *       {@code ;};
 *   <li>otherwise {@code culture} ← culture, {@code medium} ← media, {@code classification} ←
 *       classification, {@code licence} ← the licence up to its first {@code " ("} or {@code ":"}
 *       (e.g. {@code CC0-1.0});
 *   <li>{@code collection}, {@code institution} and {@code year} are computed from the item and
 *       cannot be set by a source ({@code reserved-facet} warning).
 * </ul>
 *
 * Facet labels are trimmed with white space collapsed; their dictionary key is case-folded (see
 * {@link FacetValueKey}). Stateless and thread-safe.
 */
final class RecordNormalizer {
  static final int MAX_ID = 500;
  static final int MAX_TITLE = 2000;
  static final int MAX_SHORT = 500;
  static final int MAX_LONG = 2000;
  static final int MAX_LOCATION = 4000;
  static final int MAX_LIST = 100;
  static final int MAX_FACET_LABEL = 200;
  static final int MAX_METADATA_ENTRIES = 200;
  static final int MAX_METADATA_VALUE = 10_000;
  static final int MIN_YEAR = -100_000;
  static final int MAX_YEAR = 3_000;

  private static final Set<String> DERIVED = Set.of("collection", "institution", "year");
  private static final Pattern FACET_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

  private final Optional<Path> baseDir;

  /**
   * A normaliser.
   *
   * @param baseDir the folder relative image files are resolved against, if the source is local
   */
  RecordNormalizer(Optional<Path> baseDir) {
    this.baseDir = baseDir;
  }

  /** A draft plus the warnings raised while making it. */
  record Normalized(ItemDraft draft, List<Warning> warnings) {}

  /** A change made to a record that was still imported. */
  record Warning(String code, String message) {}

  /** The source id as the duplicate check and the database see it. */
  static String sourceId(String raw) {
    return java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFC)
        .replace('\u0000', ' ')
        .strip();
  }

  /**
   * Normalises a record.
   *
   * @throws RowRejectedException if it cannot be stored
   */
  Normalized normalize(ImportRecord r) throws RowRejectedException {
    List<Warning> warnings = new ArrayList<>();
    String id = sourceId(r.sourceId());
    if (id.isEmpty() || id.chars().anyMatch(Character::isISOControl)) {
      throw new RowRejectedException("invalid-id", "the id is empty or has control characters");
    }
    limit("id", id, MAX_ID);
    String title = text("title", r.title(), MAX_TITLE, warnings);
    List<String> makers = list("makers", r.makers(), MAX_SHORT, warnings);
    String date = text("date", r.dateText(), MAX_SHORT, warnings);
    Integer from = year("first year", r.yearFrom());
    Integer to = year("last year", r.yearTo());
    String culture = text("culture", r.culture(), MAX_SHORT, warnings);
    List<String> media = list("media", r.media(), MAX_SHORT, warnings);
    String classification = text("classification", r.classification(), MAX_SHORT, warnings);
    String licence = text("licence", r.licence(), MAX_LONG, warnings);
    String credit = text("credit line", r.creditLine(), MAX_LONG, warnings);
    String rights = link("rights URI", r.rightsUri(), warnings);
    String page = link("museum page", r.pageUrl(), warnings);
    String location = imageLocation(r.image());

    SortedMap<String, String> metadata = new TreeMap<>();
    SortedMap<String, List<String>> facets = new TreeMap<>();
    for (var e : r.extra().entrySet()) {
      String key = e.getKey();
      if (key.startsWith(ImportRecord.FACET_PREFIX)) {
        explicitFacet(
            key.substring(ImportRecord.FACET_PREFIX.length()), e.getValue(), facets, warnings);
      } else {
        if (metadata.size() >= MAX_METADATA_ENTRIES) {
          throw new RowRejectedException(
              "too-long", "more than " + MAX_METADATA_ENTRIES + " free metadata fields");
        }
        String k = text("metadata key", key, MAX_SHORT, warnings);
        String v =
            text(
                "metadata field '" + abbreviate(key) + "'",
                e.getValue(),
                MAX_METADATA_VALUE,
                warnings);
        if (k != null && v != null) {
          metadata.put(k, v);
        }
      }
    }
    derive(facets, "culture", culture == null ? List.of() : List.of(culture));
    derive(facets, "medium", media);
    derive(facets, "classification", classification == null ? List.of() : List.of(classification));
    derive(facets, "licence", licence == null ? List.of() : List.of(licenceName(licence)));
    facets.replaceAll((k, v) -> labels(v));
    facets.values().removeIf(List::isEmpty);
    return new Normalized(
        new ItemDraft(
            id,
            title,
            makers,
            date,
            from,
            to,
            culture,
            media,
            classification,
            rights,
            licence,
            credit,
            page,
            r.image().kind(),
            location,
            metadata,
            facets),
        dedupe(warnings));
  }

  private void explicitFacet(
      String name, String value, SortedMap<String, List<String>> facets, List<Warning> warnings)
      throws RowRejectedException {
    if (DERIVED.contains(name)) {
      warnings.add(
          new Warning("reserved-facet", "facet '" + name + "' is computed; value ignored"));
      return;
    }
    if (!FACET_NAME.matcher(name).matches()) {
      throw new RowRejectedException(
          "bad-facet",
          "facet name '" + abbreviate(name) + "' is not lower case letters and digits");
    }
    List<String> values = new ArrayList<>();
    for (String part : value.split(Pattern.quote(ImportRecord.FACET_VALUE_SEPARATOR))) {
      String v = text("facet " + name, part, MAX_FACET_LABEL, warnings);
      if (v != null) {
        values.add(v);
      }
    }
    if (values.size() > MAX_LIST) {
      throw new RowRejectedException(
          "too-long", "facet " + name + " has more than " + MAX_LIST + " values");
    }
    facets.put(name, values);
  }

  private static void derive(
      SortedMap<String, List<String>> facets, String name, List<String> values) {
    facets.putIfAbsent(name, values);
  }

  private static List<String> labels(List<String> values) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String v : values) {
      String label = FacetValueKey.label(v);
      if (label.length() > MAX_FACET_LABEL) {
        label = label.substring(0, MAX_FACET_LABEL).strip();
      }
      if (!label.isEmpty()) {
        byKey.putIfAbsent(FacetValueKey.of(label), label);
      }
    }
    return List.copyOf(byKey.values());
  }

  /** The short name of a licence: the text before {@code " ("} or {@code ":"}. */
  static String licenceName(String licence) {
    String s = licence;
    int paren = s.indexOf(" (");
    if (paren > 0) {
      s = s.substring(0, paren);
    }
    int colon = s.indexOf(':');
    if (colon > 0) {
      s = s.substring(0, colon);
    }
    s = s.strip();
    return s.length() <= 64 ? s : s.substring(0, 64).strip();
  }

  private static String text(String field, String raw, int max, List<Warning> warnings)
      throws RowRejectedException {
    if (raw == null) {
      return null;
    }
    if (raw.length() > 4 * max + 1024) {
      // Checked before cleaning so that a 10 MB title costs nothing.
      throw tooLong(field, raw.length(), max);
    }
    PlainText.Cleaned c = PlainText.clean(raw);
    if (c.markupRemoved()) {
      warnings.add(
          new Warning(
              "markup-removed", field + " contained HTML markup; stored as plain text without it"));
    }
    if (c.controlRemoved()) {
      warnings.add(
          new Warning("control-characters-removed", field + " contained control characters"));
    }
    if (c.text() != null && c.text().length() > max) {
      throw tooLong(field, c.text().length(), max);
    }
    return c.text();
  }

  private static RowRejectedException tooLong(String field, int length, int max) {
    return new RowRejectedException(
        "too-long", field + " has " + length + " characters, more than the limit of " + max);
  }

  private static List<String> list(String field, List<String> raw, int max, List<Warning> warnings)
      throws RowRejectedException {
    if (raw.size() > MAX_LIST) {
      throw new RowRejectedException(
          "too-long", field + " has " + raw.size() + " values, more than " + MAX_LIST);
    }
    List<String> out = new ArrayList<>();
    for (String v : raw) {
      String t = text(field, v, max, warnings);
      if (t != null && !out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private static Integer year(String what, Integer year) throws RowRejectedException {
    if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
      throw new RowRejectedException(
          "bad-year", what + " " + year + " is outside " + MIN_YEAR + ".." + MAX_YEAR);
    }
    return year;
  }

  private static String link(String field, String raw, List<Warning> warnings)
      throws RowRejectedException {
    String t = text(field, raw, MAX_LONG, warnings);
    if (t == null) {
      return null;
    }
    if (!isHttp(t)) {
      warnings.add(
          new Warning(
              "bad-url", field + " '" + abbreviate(t) + "' is not an http(s) URL; dropped"));
      return null;
    }
    return t;
  }

  private static boolean isHttp(String text) {
    try {
      URI u = new URI(text);
      String scheme = u.getScheme();
      return scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && u.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private String imageLocation(ImageReference image) throws RowRejectedException {
    String location = image.location().strip();
    if (location.length() > MAX_LOCATION || location.indexOf('\u0000') >= 0) {
      throw new RowRejectedException(
          "bad-image-location", "the image location is too long or binary");
    }
    if (image.kind() != ImageReference.Kind.FILE) {
      if (!isHttp(location)) {
        throw new RowRejectedException(
            "bad-image-location", "image URL '" + abbreviate(location) + "' is not an http(s) URL");
      }
      return location;
    }
    try {
      Path p = Path.of(location);
      if (!p.isAbsolute()) {
        if (baseDir.isEmpty()) {
          throw new RowRejectedException(
              "bad-image-location",
              "relative image path '" + abbreviate(location) + "' in a remote source");
        }
        p = baseDir.get().resolve(p);
      }
      return p.toAbsolutePath().normalize().toString();
    } catch (InvalidPathException e) {
      throw new RowRejectedException(
          "bad-image-location", "image path '" + abbreviate(location) + "' is not a valid path");
    }
  }

  private static void limit(String field, String value, int max) throws RowRejectedException {
    if (value.length() > max) {
      throw tooLong(field, value.length(), max);
    }
  }

  private static List<Warning> dedupe(List<Warning> warnings) {
    Map<String, Warning> byCode = new LinkedHashMap<>();
    for (Warning w : warnings) {
      byCode.merge(w.code(), w, (a, b) -> new Warning(a.code(), a.message() + "; " + b.message()));
    }
    return List.copyOf(byCode.values());
  }

  static String abbreviate(String text) {
    String t = text.replaceAll("\\s+", " ").strip();
    return t.length() <= 60 ? t : t.substring(0, 60) + "...";
  }
}
