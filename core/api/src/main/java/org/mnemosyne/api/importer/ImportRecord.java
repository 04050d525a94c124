package org.mnemosyne.api.importer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One object read from a source, before the host validates and stores it. Optional fields are
 * {@code null} when the source has no value. Immutable.
 *
 * @param sourceId the object's id in the source; with the collection, the re-import key
 * @param title title for people
 * @param makers artists/makers, in source order
 * @param dateText the date as written by the source, e.g. {@code c. 1650-1660}
 * @param yearFrom first year of the date range, or null
 * @param yearTo last year of the date range, or null
 * @param culture culture or nationality, or null
 * @param media media/materials (an object may have several)
 * @param classification object type, e.g. {@code painting}, or null
 * @param rightsUri rights statement or licence URI, or null
 * @param licence licence name for people, or null
 * @param creditLine credit line, or null
 * @param pageUrl the object's page at its institution, or null
 * @param image where the image is
 * @param extra further source fields, kept as free metadata. An entry whose key starts with {@link
 *     #FACET_PREFIX} sets a facet explicitly: {@code facet.period -> renaissance} gives the item
 *     the {@code period} facet value {@code renaissance}; several values are separated by {@link
 *     #FACET_VALUE_SEPARATOR}. Without such entries the host derives the {@code culture}, {@code
 *     medium}, {@code classification}, {@code year} and {@code licence} facets from the fields
 *     above; an explicit entry replaces the derived value of its facet. The entries {@link
 *     #IMAGE_WIDTH} and {@link #IMAGE_HEIGHT} give the full image's size in pixels where the image
 *     read for the model is a smaller derivative (a IIIF canvas, for instance).
 */
public record ImportRecord(
    String sourceId,
    String title,
    List<String> makers,
    String dateText,
    Integer yearFrom,
    Integer yearTo,
    String culture,
    List<String> media,
    String classification,
    String rightsUri,
    String licence,
    String creditLine,
    String pageUrl,
    ImageReference image,
    Map<String, String> extra) {

  /** Key prefix of {@link #extra} entries that set a facet, e.g. {@code facet.subject}. */
  public static final String FACET_PREFIX = "facet.";

  /** Separates several values of one facet in an {@link #extra} entry. */
  public static final String FACET_VALUE_SEPARATOR = ";";

  /** Key of the {@link #extra} entry with the full image's width in pixels, if the source says. */
  public static final String IMAGE_WIDTH = "image.width";

  /** Key of the {@link #extra} entry with the full image's height in pixels, if the source says. */
  public static final String IMAGE_HEIGHT = "image.height";

  /**
   * The full image's size as the source declares it ({@link #IMAGE_WIDTH} and {@link
   * #IMAGE_HEIGHT}, both positive whole numbers), if it does.
   *
   * @return {@code [width, height]}
   */
  public Optional<int[]> declaredImageSize() {
    try {
      int w = Integer.parseInt(extra.getOrDefault(IMAGE_WIDTH, "").trim());
      int h = Integer.parseInt(extra.getOrDefault(IMAGE_HEIGHT, "").trim());
      return w > 0 && h > 0 ? Optional.of(new int[] {w, h}) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Validates and copies. */
  public ImportRecord {
    if (sourceId == null || sourceId.isBlank()) {
      throw new IllegalArgumentException("source id must not be blank");
    }
    Objects.requireNonNull(image, "image");
    makers = makers == null ? List.of() : List.copyOf(makers);
    media = media == null ? List.of() : List.copyOf(media);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
    if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
      throw new IllegalArgumentException("yearFrom " + yearFrom + " after yearTo " + yearTo);
    }
  }

  /** The title, if any. */
  public Optional<String> titleOpt() {
    return Optional.ofNullable(title);
  }
}
