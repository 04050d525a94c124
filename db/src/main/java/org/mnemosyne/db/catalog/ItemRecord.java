package org.mnemosyne.db.catalog;

import java.util.List;
import java.util.Optional;
import org.mnemosyne.api.importer.ImageReference;

/**
 * An item as the portal shows it: its catalogue fields, where it belongs and where its image is.
 * Every text field is untrusted metadata from a source; it is rendered as text, never as markup.
 *
 * @param id database id
 * @param sourceId id in the source
 * @param collectionSlug the collection's slug (the {@code collection} facet)
 * @param collectionName the collection's display name
 * @param institutionSlug the institution's slug (the {@code institution} facet)
 * @param institutionName the institution's display name
 * @param title title, or empty
 * @param makers makers in source order
 * @param dateText date as the source writes it, or empty
 * @param yearFrom first year of the date range, if known
 * @param culture culture, or empty
 * @param media media
 * @param classification classification, or empty
 * @param licence licence label, or empty
 * @param rightsUri rights statement or licence URI, or empty
 * @param creditLine credit line, or empty
 * @param pageUrl the museum's page of the item, or empty
 * @param image where the image is
 * @param width image width in pixels, if known
 * @param height image height in pixels, if known
 * @param contentHash sha-256 of the image bytes (names derivatives; changes when the image does)
 * @param active whether the item is active (withdrawn items are not shown to visitors)
 */
public record ItemRecord(
    long id,
    String sourceId,
    String collectionSlug,
    String collectionName,
    String institutionSlug,
    String institutionName,
    String title,
    List<String> makers,
    String dateText,
    Optional<Integer> yearFrom,
    String culture,
    List<String> media,
    String classification,
    String licence,
    String rightsUri,
    String creditLine,
    String pageUrl,
    ImageReference image,
    Optional<Integer> width,
    Optional<Integer> height,
    String contentHash,
    boolean active) {

  /** Copies the lists. */
  public ItemRecord {
    makers = List.copyOf(makers);
    media = List.copyOf(media);
  }

  /** The makers joined for display, or empty. */
  public String makersText() {
    return String.join("; ", makers);
  }

  /** A text alternative for the image: title, makers and date (what a screen reader announces). */
  public String altText() {
    StringBuilder sb = new StringBuilder(title.isBlank() ? "Untitled" : title);
    if (!makers.isEmpty()) {
      sb.append(", by ").append(makersText());
    }
    if (!dateText.isBlank()) {
      sb.append(", ").append(dateText);
    }
    return sb.toString();
  }
}
