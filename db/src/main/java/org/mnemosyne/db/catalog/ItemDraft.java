package org.mnemosyne.db.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mnemosyne.api.importer.ImageReference;

/**
 * An item as it will be stored: every text already validated and sanitised, facets normalised.
 * Optional fields are null. Immutable.
 *
 * @param sourceId id in the source (with the collection, the re-import key)
 * @param title title
 * @param makers makers in source order
 * @param dateText date as written
 * @param yearFrom first year or null
 * @param yearTo last year or null
 * @param culture culture
 * @param media media
 * @param classification object type
 * @param rightsUri rights statement URI
 * @param licence licence text
 * @param creditLine credit line
 * @param pageUrl museum page
 * @param imageKind how the image is found
 * @param imageLocation absolute file path, URL or IIIF Image service base
 * @param metadata free metadata, sorted by key
 * @param facets categorical facet labels by field, sorted by field
 */
public record ItemDraft(
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
    ImageReference.Kind imageKind,
    String imageLocation,
    SortedMap<String, String> metadata,
    SortedMap<String, List<String>> facets) {

  /** Validates and copies. */
  public ItemDraft {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(imageKind, "imageKind");
    Objects.requireNonNull(imageLocation, "imageLocation");
    makers = List.copyOf(makers);
    media = List.copyOf(media);
    metadata = Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
    TreeMap<String, List<String>> f = new TreeMap<>();
    facets.forEach((k, v) -> f.put(k, List.copyOf(v)));
    facets = Collections.unmodifiableSortedMap(f);
  }

  /**
   * A sha-256 (hex) of every field, so an unchanged record is recognised without comparing columns.
   * Each value is length-prefixed: no two different drafts share a serialisation.
   */
  public String recordHash() {
    StringBuilder sb = new StringBuilder();
    add(sb, sourceId);
    add(sb, title);
    add(sb, String.valueOf(makers.size()));
    makers.forEach(m -> add(sb, m));
    add(sb, dateText);
    add(sb, yearFrom == null ? null : yearFrom.toString());
    add(sb, yearTo == null ? null : yearTo.toString());
    add(sb, culture);
    add(sb, String.valueOf(media.size()));
    media.forEach(m -> add(sb, m));
    add(sb, classification);
    add(sb, rightsUri);
    add(sb, licence);
    add(sb, creditLine);
    add(sb, pageUrl);
    add(sb, imageKind.name());
    add(sb, imageLocation);
    add(sb, String.valueOf(metadata.size()));
    metadata.forEach(
        (k, v) -> {
          add(sb, k);
          add(sb, v);
        });
    add(sb, String.valueOf(facets.size()));
    facets.forEach(
        (k, v) -> {
          add(sb, k);
          add(sb, String.valueOf(v.size()));
          v.forEach(x -> add(sb, x));
        });
    return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void add(StringBuilder sb, String value) {
    if (value == null) {
      sb.append("-;");
    } else {
      sb.append(value.length()).append(':').append(value).append(';');
    }
  }

  /** The lower-case hex sha-256 of some bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** The facet values as a map (for callers that do not care about order). */
  public Map<String, List<String>> facetValues() {
    return facets;
  }
}
