package org.mnemosyne.web.view;

import static org.mnemosyne.web.view.Pages.blank;
import static org.mnemosyne.web.view.Pages.error;
import static org.mnemosyne.web.view.Pages.wholeInt;
import static org.mnemosyne.web.view.Pages.wholeNumber;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionSyntaxException;
import org.mnemosyne.db.account.SavedCondition;
import org.mnemosyne.db.catalog.ItemRecord;
import org.mnemosyne.runtime.image.ImageDecodingException;
import org.mnemosyne.runtime.image.Region;
import org.mnemosyne.runtime.search.FacetCounts;
import org.mnemosyne.web.search.NotFoundException;
import org.mnemosyne.web.search.ResultRow;
import org.mnemosyne.web.search.SavedConditions;
import org.mnemosyne.web.search.SearchPage;
import org.mnemosyne.web.search.SearchRequest;
import org.mnemosyne.web.search.SearchService;
import org.mnemosyne.web.search.UploadStore;
import org.mnemosyne.web.security.CurrentUser;
import org.primefaces.model.file.UploadedFile;

/**
 * The search page ({@code index.xhtml}): query by item, upload or region, a condition typed or
 * built from facet links with live counts, and the result grid. Every state is a GET URL (see
 * {@link SearchLinks}); only the upload is a POST, which keeps the image and redirects to its
 * permalink.
 */
@Named
@RequestScoped
public class SearchView {
  private static final int FACET_VALUES = 12;

  @Inject SearchService service;
  @Inject UploadStore uploads;
  @Inject SavedConditions saved;
  @Inject CurrentUser user;

  private String saveName;
  private boolean publish;

  private String item;
  private String upload;
  private String region;
  private String c;
  private String k;
  private String page;
  private String yearFrom;
  private String yearTo;
  private transient UploadedFile file;

  private SearchPage result;
  private FacetCounts facets;
  private String conditionError;
  private SearchLinks links =
      new SearchLinks(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          "",
          SearchRequest.DEFAULT_PAGE_SIZE);

  /** Reads the URL and runs the search (the page's view action). */
  public void load() throws IOException {
    String condition = c == null ? "" : c.trim();
    if (!blank(yearFrom) || !blank(yearTo)) {
      String range = "year:[" + bound(yearFrom) + " TO " + bound(yearTo) + "]";
      SearchLinks here = lenientLinks(condition);
      redirect(here.withCondition(here.narrowed(range)).page(0));
      return;
    }
    SearchRequest request;
    try {
      request =
          new SearchRequest(
              blank(item) ? Optional.empty() : Optional.of(wholeNumber("item", item)),
              blank(upload) ? Optional.empty() : Optional.of(upload.trim()),
              blank(region) ? Optional.empty() : Optional.of(Region.parse(region)),
              condition,
              blank(k) ? SearchRequest.DEFAULT_PAGE_SIZE : wholeInt("k", k),
              blank(page) ? 0 : wholeInt("page", page));
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
      links = links(condition);
      facets = safeFacets(Condition.ALL);
      return;
    }
    links =
        new SearchLinks(
            request.item(), request.upload(), request.region(), condition, request.pageSize());
    try {
      result = service.search(request);
      facets = service.facets(result.condition(), FACET_VALUES);
    } catch (ConditionSyntaxException e) {
      conditionError = describe(condition, e);
      facets = safeFacets(Condition.ALL);
    } catch (NotFoundException e) {
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
      error(e.getMessage());
      facets = safeFacets(Condition.ALL);
    } catch (ImageDecodingException e) {
      error("The query image cannot be read: " + e.getMessage());
      facets = safeFacets(Condition.ALL);
    } catch (IllegalArgumentException | IllegalStateException e) {
      error(e.getMessage());
      facets = safeFacets(Condition.ALL);
    }
  }

  /** Keeps the uploaded query image and redirects to its permalink. */
  public void search() throws IOException {
    if (file == null || file.getSize() == 0) {
      error("Choose an image to search with.");
      return;
    }
    if (file.getSize() > UploadStore.MAX_BYTES) {
      error("The image is larger than 32 MB.");
      return;
    }
    try {
      String id = uploads.store(file.getContent());
      redirect(links(c == null ? "" : c.trim()).withUpload(id).page(0));
    } catch (ImageDecodingException e) {
      error("That file is not an image we can read: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
    }
  }

  /** Saves the current condition under a name (signed-in users; admins may publish it). */
  public void save() throws IOException {
    if (!user.isSignedIn()) {
      error("Sign in to save conditions.");
      return;
    }
    String condition = c == null ? "" : c.trim();
    try {
      saved.save(publish && user.isAdmin() ? Optional.empty() : user.id(), saveName, condition);
      redirect(links(condition).page(0));
    } catch (ConditionSyntaxException e) {
      conditionError = describe(condition, e);
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
    }
  }

  /** The saved conditions this visitor sees. */
  public List<SavedCondition> getSavedConditions() {
    try {
      return saved.visibleTo(user.id());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** The search with a saved condition (same query). */
  public String savedLink(String text) {
    return links.withCondition(text).page(0);
  }

  public String getSaveName() {
    return saveName;
  }

  public void setSaveName(String saveName) {
    this.saveName = saveName;
  }

  public boolean isPublish() {
    return publish;
  }

  public void setPublish(boolean publish) {
    this.publish = publish;
  }

  private SearchLinks links(String condition) {
    return new SearchLinks(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        condition,
        SearchRequest.DEFAULT_PAGE_SIZE);
  }

  /** The state of the URL as far as it parses (to carry it over into a redirect). */
  private SearchLinks lenientLinks(String condition) {
    Optional<Long> id = Optional.empty();
    Optional<Region> r = Optional.empty();
    try {
      id = blank(item) ? Optional.empty() : Optional.of(wholeNumber("item", item));
      r = blank(region) ? Optional.empty() : Optional.of(Region.parse(region));
    } catch (IllegalArgumentException e) {
      // dropped: the redirect shows the page without the broken part
    }
    Optional<String> u =
        blank(upload) || !upload.trim().matches("[0-9a-f]{64}")
            ? Optional.empty()
            : Optional.of(upload.trim());
    return new SearchLinks(
        id,
        u,
        id.isPresent() || u.isPresent() ? r : Optional.empty(),
        condition,
        SearchRequest.DEFAULT_PAGE_SIZE);
  }

  private FacetCounts safeFacets(Condition condition) {
    try {
      return service.facets(condition, FACET_VALUES);
    } catch (RuntimeException e) {
      return new FacetCounts(0, List.of(), List.of());
    }
  }

  private static String describe(String text, ConditionSyntaxException e) {
    int at = Math.max(0, Math.min(e.position(), text.length()));
    return "Condition not understood at character "
        + (at + 1)
        + ": "
        + e.reason()
        + " — “"
        + text.substring(0, at)
        + "⟨here⟩"
        + text.substring(at)
        + "”";
  }

  private static String bound(String s) {
    if (blank(s)) {
      return "*";
    }
    try {
      return Integer.toString(Integer.parseInt(s.trim()));
    } catch (NumberFormatException e) {
      return "*";
    }
  }

  private static void redirect(String url) throws IOException {
    ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
    ec.redirect(ec.getRequestContextPath() + "/" + url);
    FacesContext.getCurrentInstance().responseComplete();
  }

  // ---- what the page shows

  /** The results, if a search ran. */
  public SearchPage getResult() {
    return result;
  }

  /** Facet counts under the current condition. */
  public FacetCounts getFacets() {
    return facets;
  }

  /** Why the condition is malformed, with the position marked; null if it is fine. */
  public String getConditionError() {
    return conditionError;
  }

  /** Index time of the result in milliseconds, for display. */
  public String getElapsedMillis() {
    return result == null
        ? ""
        : String.format(Locale.ROOT, "%.2f", result.elapsed().toNanos() / 1e6);
  }

  /** Links of the current state. */
  public SearchLinks getLinks() {
    return links;
  }

  /** Whether a query image is shown. */
  public boolean isHasQuery() {
    return links.item().isPresent() || links.upload().isPresent();
  }

  /** The query image's display URL (relative). */
  public String getQueryImage() {
    if (links.item().isPresent()) {
      return "img/item/" + links.item().get() + "/display";
    }
    return links.upload().map(u -> "img/upload/" + u + "/display").orElse("");
  }

  /** The deep-zoom page of the query image, or null without a query. */
  public String getQueryZoomLink() {
    ItemRecord item = getQueryItem();
    if (item != null) {
      return "zoom.xhtml?item=" + item.id();
    }
    return links == null ? null : links.upload().map(u -> "zoom.xhtml?upload=" + u).orElse(null);
  }

  /** The query item, if the query is an item. */
  public ItemRecord getQueryItem() {
    return result == null ? null : result.queryItem().orElse(null);
  }

  /** The current region as CSS for its outline on the query image, or empty. */
  public String getRegionStyle() {
    return links
        .region()
        .map(
            r ->
                String.format(
                    Locale.ROOT,
                    "left:%.2f%%;top:%.2f%%;width:%.2f%%;height:%.2f%%",
                    r.x() * 100,
                    r.y() * 100,
                    r.width() * 100,
                    r.height() * 100))
        .orElse("");
  }

  /** The URL that searches a facet value added to the condition (or excluded). */
  public String facetLink(String field, String value, boolean exclude) {
    String t = SearchLinks.term(field, value);
    return links.withCondition(links.narrowed(exclude ? "NOT " + t : t)).page(0);
  }

  /** The across-facet page for the current query and condition. */
  public String acrossLink(String field) {
    return links.across(field);
  }

  /** The URL that searches with an item as the query. */
  public String itemLink(long id) {
    return links.withItem(id).page(0);
  }

  /** The compare page for the query and a result. */
  public String compareLink(long target) {
    StringBuilder sb = new StringBuilder("compare.xhtml?");
    links.item().ifPresent(i -> sb.append("query=").append(i));
    links.upload().ifPresent(u -> sb.append("upload=").append(u));
    return sb.append("&target=").append(target).toString();
  }

  /** A score for display. */
  public String score(ResultRow row) {
    return row.score().isPresent()
        ? String.format(Locale.ROOT, "%.3f", row.score().getAsDouble())
        : "";
  }

  /**
   * The URL if it is a plain web address (http or https), else null: metadata links are never
   * rendered with other schemes ({@code javascript:} would run on click).
   */
  public String webLink(String url) {
    return Pages.webLink(url);
  }

  /** A display label for a facet field. */
  public String fieldLabel(String field) {
    return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  // ---- URL parameters

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

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getC() {
    return c;
  }

  public void setC(String c) {
    this.c = c;
  }

  public String getK() {
    return k;
  }

  public void setK(String k) {
    this.k = k;
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }

  public String getYearFrom() {
    return yearFrom;
  }

  public void setYearFrom(String yearFrom) {
    this.yearFrom = yearFrom;
  }

  public String getYearTo() {
    return yearTo;
  }

  public void setYearTo(String yearTo) {
    this.yearTo = yearTo;
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }
}
