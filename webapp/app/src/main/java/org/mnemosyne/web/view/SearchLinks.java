package org.mnemosyne.web.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mnemosyne.runtime.image.Region;

/**
 * Builds the search page's URLs: the whole query state is in the URL (query item or upload, region,
 * condition, page size, page), so every link is a permalink. Immutable.
 *
 * @param item query item
 * @param upload query upload
 * @param region query region
 * @param condition condition text
 * @param pageSize results per page
 */
public record SearchLinks(
    Optional<Long> item,
    Optional<String> upload,
    Optional<Region> region,
    String condition,
    int pageSize) {
  private static final String PAGE = "index.xhtml";

  /** This state's URL at a page. */
  public String page(int page) {
    StringBuilder sb = new StringBuilder(PAGE);
    char sep = '?';
    if (item.isPresent()) {
      sb.append(sep).append("item=").append(item.get());
      sep = '&';
    }
    if (upload.isPresent()) {
      sb.append(sep).append("upload=").append(upload.get());
      sep = '&';
    }
    if (region.isPresent()) {
      sb.append(sep).append("region=").append(encode(region.get().toString()));
      sep = '&';
    }
    if (!condition.isBlank() && !condition.trim().equals("*")) {
      sb.append(sep).append("c=").append(encode(condition));
      sep = '&';
    }
    if (pageSize != org.mnemosyne.web.search.SearchRequest.DEFAULT_PAGE_SIZE) {
      sb.append(sep).append("k=").append(pageSize);
      sep = '&';
    }
    if (page > 0) {
      sb.append(sep).append("page=").append(page);
    }
    return sb.toString();
  }

  /** The across-facet page for this query and condition. */
  public String across(String field) {
    String search = page(0);
    int q = search.indexOf('?');
    return "across.xhtml?facet=" + encode(field) + (q < 0 ? "" : "&" + search.substring(q + 1));
  }

  /** The same condition with another item as the query. */
  public SearchLinks withItem(long id) {
    return new SearchLinks(
        Optional.of(id), Optional.empty(), Optional.empty(), condition, pageSize);
  }

  /** The same query with an upload. */
  public SearchLinks withUpload(String id) {
    return new SearchLinks(
        Optional.empty(), Optional.of(id), Optional.empty(), condition, pageSize);
  }

  /** The same query without a region. */
  public SearchLinks withoutRegion() {
    return new SearchLinks(item, upload, Optional.empty(), condition, pageSize);
  }

  /** The same query with another condition. */
  public SearchLinks withCondition(String text) {
    return new SearchLinks(item, upload, region, text, pageSize);
  }

  /** The same condition and page size, without a query (browsing). */
  public SearchLinks withoutQuery() {
    return new SearchLinks(
        Optional.empty(), Optional.empty(), Optional.empty(), condition, pageSize);
  }

  /**
   * The condition narrowed by one more test, {@code field:"value"} or its negation, joined with
   * {@code AND}.
   */
  public String narrowed(String clause) {
    String c = condition.trim();
    if (c.isEmpty() || c.equals("*")) {
      return clause;
    }
    return "(" + c + ") AND " + clause;
  }

  /** A categorical test as condition text, the value quoted and escaped. */
  public static String term(String field, String value) {
    return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
