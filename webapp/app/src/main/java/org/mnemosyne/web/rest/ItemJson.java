package org.mnemosyne.web.rest;

import java.util.List;
import org.mnemosyne.db.catalog.ItemRecord;

/**
 * An item in API answers. Links are relative to the application's root.
 *
 * @param id item id
 * @param collection collection slug
 * @param collectionName collection name
 * @param institution institution slug
 * @param institutionName institution name
 * @param sourceId id in the source
 * @param title title
 * @param makers makers
 * @param date date as written
 * @param year first year, or null
 * @param culture culture
 * @param media media
 * @param classification classification
 * @param licence licence label
 * @param rightsUri rights or licence URI
 * @param creditLine credit line
 * @param pageUrl the museum's page of the item
 * @param thumbnail thumbnail path
 * @param display display-size image path
 */
public record ItemJson(
    long id,
    String collection,
    String collectionName,
    String institution,
    String institutionName,
    String sourceId,
    String title,
    List<String> makers,
    String date,
    Integer year,
    String culture,
    List<String> media,
    String classification,
    String licence,
    String rightsUri,
    String creditLine,
    String pageUrl,
    String thumbnail,
    String display) {

  /** The API form of an item. */
  public static ItemJson of(ItemRecord r) {
    return new ItemJson(
        r.id(),
        r.collectionSlug(),
        r.collectionName(),
        r.institutionSlug(),
        r.institutionName(),
        r.sourceId(),
        r.title(),
        r.makers(),
        r.dateText(),
        r.yearFrom().orElse(null),
        r.culture(),
        r.media(),
        r.classification(),
        r.licence(),
        r.rightsUri(),
        r.creditLine(),
        r.pageUrl(),
        "img/item/" + r.id() + "/thumb",
        "img/item/" + r.id() + "/display");
  }
}
