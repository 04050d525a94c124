package org.mnemosyne.web.search;

import java.util.Objects;
import java.util.Optional;
import org.mnemosyne.runtime.image.Region;

/**
 * One search, as a permalink carries it: the query (an item, an upload, or none to browse), an
 * optional region of it (search by detail), the condition text and the page.
 *
 * @param item query item id
 * @param upload query upload id
 * @param region part of the query image to search with
 * @param condition condition text ({@code *} or blank for everything)
 * @param pageSize results per page, 1 to {@value #MAX_PAGE_SIZE}
 * @param page page number from 0
 */
public record SearchRequest(
    Optional<Long> item,
    Optional<String> upload,
    Optional<Region> region,
    String condition,
    int pageSize,
    int page) {
  /** Largest page. */
  public static final int MAX_PAGE_SIZE = 100;

  /** Deepest result reachable by paging. */
  public static final int MAX_DEPTH = 1000;

  /** Default page size. */
  public static final int DEFAULT_PAGE_SIZE = 24;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException with the reason
   */
  public SearchRequest {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(upload, "upload");
    Objects.requireNonNull(region, "region");
    condition = condition == null ? "" : condition;
    if (item.isPresent() && upload.isPresent()) {
      throw new IllegalArgumentException("search by an item or by an upload, not both");
    }
    if (region.isPresent() && item.isEmpty() && upload.isEmpty()) {
      throw new IllegalArgumentException("a region needs a query image (item or upload)");
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("k (results per page) must be between 1 and 100");
    }
    if (page < 0 || (long) (page + 1) * pageSize > MAX_DEPTH) {
      throw new IllegalArgumentException("page out of range: results stop at " + MAX_DEPTH);
    }
    upload.ifPresent(UploadStore::checkId);
  }

  /** Whether there is a query image (otherwise the request browses the matching items). */
  public boolean hasQuery() {
    return item.isPresent() || upload.isPresent();
  }
}
