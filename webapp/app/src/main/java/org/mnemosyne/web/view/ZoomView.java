package org.mnemosyne.web.view;

import static org.mnemosyne.web.view.Pages.blank;
import static org.mnemosyne.web.view.Pages.error;
import static org.mnemosyne.web.view.Pages.wholeNumber;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mnemosyne.api.importer.ImageReference;
import org.mnemosyne.db.catalog.ItemRecord;
import org.mnemosyne.web.search.NotFoundException;
import org.mnemosyne.web.search.SearchService;
import org.mnemosyne.web.search.UploadStore;

/**
 * The deep-zoom page ({@code zoom.xhtml?item=<id>} or {@code ?upload=<sha-256>}): the full image in
 * OpenSeadragon, tiled from the portal's own pyramid ({@code zoom/…/<key>.dzi}), with the item's
 * title, makers, date, collection, licence, credit line and a link to its source. Where the item's
 * image comes from a IIIF Image service, the viewer opens that service's {@code info.json} first
 * (its full resolution) and falls back to the portal's pyramid if the service does not answer.
 */
@Named
@RequestScoped
public class ZoomView {
  @Inject SearchService search;
  @Inject UploadStore uploads;

  private String item;
  private String upload;
  private ItemRecord record;
  private String descriptor;

  /** Reads the URL (the page's view action). */
  public void load() {
    try {
      if (!blank(item)) {
        record = search.activeItem(wholeNumber("item", item));
        descriptor = "zoom/item/" + record.id() + ".dzi";
      } else if (!blank(upload)) {
        upload = UploadStore.checkId(upload.trim());
        uploads.checkExists(upload);
        descriptor = "zoom/upload/" + upload + ".dzi";
      } else {
        error("Choose an image to zoom into: open one from the search results.");
      }
    } catch (IllegalArgumentException | NotFoundException e) {
      error(e.getMessage());
    }
  }

  /** Whether there is an image to show. */
  public boolean isReady() {
    return descriptor != null;
  }

  /** The item shown, or null for an upload. */
  public ItemRecord getRecord() {
    return record;
  }

  /** The portal's DZI descriptor URL (relative to the page), or null. */
  public String getDescriptor() {
    return descriptor;
  }

  /** The {@code info.json} of the item's IIIF Image service, or null if it has none. */
  public String getIiifInfo() {
    if (record == null || record.image().kind() != ImageReference.Kind.IIIF) {
      return null;
    }
    String base = Pages.webLink(record.image().location());
    if (base == null) {
      return null;
    }
    return (base.endsWith("/") ? base : base + "/") + "info.json";
  }

  /** The text alternative of the image. */
  public String getAltText() {
    return record != null ? record.altText() : "your uploaded image";
  }

  /** The museum's page of the item, if it is a web link, else null. */
  public String getSourceLink() {
    return record == null ? null : Pages.webLink(record.pageUrl());
  }

  /** The rights statement or licence link, if it is a web link, else null. */
  public String getRightsLink() {
    return record == null ? null : Pages.webLink(record.rightsUri());
  }

  /** The search page with this image as the query. */
  public String getSearchLink() {
    return record != null ? "index.xhtml?item=" + record.id() : "index.xhtml?upload=" + upload;
  }

  public String getItem() {
    return item;
  }

  public void setItem(String item) {
    this.item = item;
  }

  public String getUpload() {
    return upload;
  }

  public void setUpload(String upload) {
    this.upload = upload;
  }
}
