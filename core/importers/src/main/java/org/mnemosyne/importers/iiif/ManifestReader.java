package org.mnemosyne.importers.iiif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mnemosyne.api.importer.ImageReference;
import org.mnemosyne.api.importer.ImportRecord;

/**
 * Turns a IIIF Presentation 2 or 3 manifest into records: one for the manifest (its first canvas
 * with an image), or one per canvas. Read from the manifest:
 *
 * <ul>
 *   <li>title ← {@code label};
 *   <li>rights URI ← {@code rights} (3) or {@code license} (2);
 *   <li>credit line ← {@code requiredStatement} value (3) or {@code attribution} (2);
 *   <li>museum page ← {@code homepage} (3) or {@code related} (2);
 *   <li>makers, date, culture, media, classification ← {@code metadata} entries whose label is e.g.
 *       Artist/Creator/Maker, Date/Created, Culture/Nationality, Medium/Material/Technique,
 *       Classification/Object Type; every metadata entry is also kept as free metadata;
 *   <li>year ← {@code navDate}, else the first 3–4 digit number of the date;
 *   <li>image ← the canvas's painting annotation body (the default of a choice): its IIIF Image
 *       service if it has one, else the image URL.
 * </ul>
 *
 * Stateless.
 */
final class ManifestReader {
  private static final Pattern YEAR = Pattern.compile("(?<![0-9])(-?[0-9]{3,4})(?![0-9])");
  private static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    for (String k : List.of("artist", "creator", "maker", "author", "painter", "photographer")) {
      FIELDS.put(k, "makers");
    }
    for (String k : List.of("date", "created", "date created", "object date", "dated")) {
      FIELDS.put(k, "date");
    }
    for (String k : List.of("culture", "nationality")) {
      FIELDS.put(k, "culture");
    }
    for (String k : List.of("medium", "material", "materials", "technique", "medium/technique")) {
      FIELDS.put(k, "media");
    }
    for (String k : List.of("classification", "object type", "type", "object name")) {
      FIELDS.put(k, "classification");
    }
    FIELDS.put("credit line", "credit");
  }

  private ManifestReader() {}

  /** A record read from a manifest, or why a canvas or manifest gave none. */
  record Result(List<ImportRecord> records, List<String> problems) {}

  /**
   * Reads a manifest.
   *
   * @param fallbackId the URI it was fetched from, used if it has no id
   * @param allCanvases one record per canvas instead of one per manifest
   */
  static Result read(IiifNode manifest, String fallbackId, boolean allCanvases) {
    String id = manifest.id().orElse(fallbackId);
    boolean v3 = manifest.isVersion3();
    String label = IiifText.text(manifest.get("label"));
    Map<String, String> extra = new LinkedHashMap<>();
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (IiifNode entry : manifest.nodes("metadata")) {
      String key = IiifText.text(entry.get("label"));
      List<String> values = IiifText.values(entry.get("value"));
      if (key == null || values.isEmpty()) {
        continue;
      }
      extra.putIfAbsent(key, String.join("; ", values));
      String field = FIELDS.get(key.toLowerCase(Locale.ROOT).strip());
      if (field != null) {
        fields.computeIfAbsent(field, f -> new ArrayList<>()).addAll(values);
      }
    }
    IiifText.values(manifest.get("summary")).forEach(s -> extra.putIfAbsent("summary", s));
    IiifText.values(manifest.get("description")).forEach(s -> extra.putIfAbsent("description", s));
    String rights =
        v3 ? manifest.string("rights").orElse(null) : manifest.link("license").orElse(null);
    String credit =
        v3
            ? manifest
                .first("requiredStatement")
                .map(r -> IiifText.text(r.get("value")))
                .orElse(null)
            : IiifText.text(manifest.get("attribution"));
    if (credit == null) {
      credit = first(fields, "credit");
    }
    String page = (v3 ? manifest.link("homepage") : manifest.link("related")).orElse(null);
    String date = first(fields, "date");
    Integer year = year(manifest.string("navDate").orElse(null), date);

    List<IiifNode> canvases =
        v3
            ? manifest.nodes("items")
            : manifest.first("sequences").map(s -> s.nodes("canvases")).orElse(List.of());
    List<ImportRecord> records = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int index = 0;
    for (IiifNode canvas : canvases) {
      index++;
      Optional<ImageReference> image = v3 ? imageV3(canvas) : imageV2(canvas);
      if (image.isEmpty()) {
        if (allCanvases) {
          problems.add("canvas " + index + " has no image");
        }
        continue;
      }
      String canvasLabel = IiifText.text(canvas.get("label"));
      String sourceId = allCanvases ? canvas.id().orElse(id + "#canvas-" + index) : id;
      String title =
          allCanvases && canvasLabel != null
              ? (label == null ? canvasLabel : label + " \u2014 " + canvasLabel)
              : label;
      Map<String, String> recordExtra = new LinkedHashMap<>(extra);
      recordExtra.put("iiif.manifest", id);
      canvas.id().ifPresent(c -> recordExtra.put("iiif.canvas", c));
      if (canvas.get("width") instanceof Number w && canvas.get("height") instanceof Number h) {
        recordExtra.put(ImportRecord.IMAGE_WIDTH, String.valueOf(w.longValue()));
        recordExtra.put(ImportRecord.IMAGE_HEIGHT, String.valueOf(h.longValue()));
      }
      records.add(
          new ImportRecord(
              sourceId,
              title,
              fields.getOrDefault("makers", List.of()),
              date,
              year,
              year,
              first(fields, "culture"),
              fields.getOrDefault("media", List.of()),
              first(fields, "classification"),
              rights,
              null,
              credit,
              page,
              image.get(),
              recordExtra));
      if (!allCanvases) {
        break;
      }
    }
    if (records.isEmpty() && problems.isEmpty()) {
      problems.add(canvases.isEmpty() ? "the manifest has no canvases" : "no canvas has an image");
    }
    return new Result(records, problems);
  }

  private static String first(Map<String, List<String>> fields, String key) {
    List<String> v = fields.get(key);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  static Integer year(String navDate, String date) {
    for (String text : new String[] {navDate, date}) {
      if (text != null) {
        Matcher m = YEAR.matcher(text);
        if (m.find()) {
          int y = Integer.parseInt(m.group(1));
          if (y >= -100_000 && y <= 3_000) {
            return y;
          }
        }
      }
    }
    return null;
  }

  private static Optional<ImageReference> imageV2(IiifNode canvas) {
    for (IiifNode annotation : canvas.nodes("images")) {
      Optional<IiifNode> resource = annotation.first("resource");
      if (resource.isPresent() && resource.get().type().equals("Choice")) {
        IiifNode choice = resource.get();
        resource = choice.first("default").or(() -> choice.first("item"));
      }
      Optional<ImageReference> ref = resource.flatMap(ManifestReader::reference);
      if (ref.isPresent()) {
        return ref;
      }
    }
    return Optional.empty();
  }

  private static Optional<ImageReference> imageV3(IiifNode canvas) {
    for (IiifNode page : canvas.nodes("items")) {
      for (IiifNode annotation : page.nodes("items")) {
        String motivation = annotation.string("motivation").orElse("painting");
        if (!motivation.equals("painting")) {
          continue;
        }
        Optional<IiifNode> body = annotation.first("body");
        if (body.isPresent() && body.get().type().equals("Choice")) {
          body = body.get().first("items");
        }
        if (body.isPresent()
            && !body.get().type().isEmpty()
            && !body.get().type().equals("Image")) {
          continue;
        }
        Optional<ImageReference> ref = body.flatMap(ManifestReader::reference);
        if (ref.isPresent()) {
          return ref;
        }
      }
    }
    return Optional.empty();
  }

  /** The image service of a resource if it has one, else its URL. */
  private static Optional<ImageReference> reference(IiifNode resource) {
    for (IiifNode service : resource.nodes("service")) {
      String type = service.type();
      String profile = String.valueOf(service.get("profile"));
      boolean imageService =
          type.startsWith("ImageService")
              || profile.contains("iiif.io/api/image")
              || profile.startsWith("level");
      Optional<String> id = service.id();
      if (imageService && id.isPresent() && isHttp(id.get())) {
        String base = id.get().replaceAll("/info\\.json$", "").replaceAll("/+$", "");
        return Optional.of(new ImageReference(ImageReference.Kind.IIIF, base));
      }
    }
    return resource
        .id()
        .filter(ManifestReader::isHttp)
        .map(u -> new ImageReference(ImageReference.Kind.URL, u));
  }

  static boolean isHttp(String uri) {
    String l = uri.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }
}
