package org.mnemosyne.web.view;

import static org.mnemosyne.web.view.Pages.blank;
import static org.mnemosyne.web.view.Pages.error;
import static org.mnemosyne.web.view.Pages.wholeNumber;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mnemosyne.api.index.ConditionSyntaxException;
import org.mnemosyne.runtime.image.Region;
import org.mnemosyne.web.search.AcrossRow;
import org.mnemosyne.web.search.NotFoundException;
import org.mnemosyne.web.search.SearchRequest;
import org.mnemosyne.web.search.SearchService;

/**
 * The across-facet page ({@code across.xhtml?item=…&facet=culture}): one query, the best match for
 * each value of a facet, side by side.
 */
@Named
@RequestScoped
public class AcrossView {
  private static final int MAX_VALUES = 24;

  @Inject SearchService service;

  private String item;
  private String upload;
  private String region;
  private String c;
  private String facet;
  private List<AcrossRow> rows = List.of();
  private List<String> fields = List.of();
  private SearchLinks links;

  /** Runs the query for every value (the page's view action). */
  public void load() {
    if (facet == null || facet.isBlank()) {
      facet = "collection";
    }
    try {
      fields = service.categoricalFields();
      SearchRequest r =
          new SearchRequest(
              blank(item) ? Optional.empty() : Optional.of(wholeNumber("item", item)),
              blank(upload) ? Optional.empty() : Optional.of(upload.trim()),
              blank(region) ? Optional.empty() : Optional.of(Region.parse(region)),
              c,
              1,
              0);
      links = new SearchLinks(r.item(), r.upload(), r.region(), r.condition(), 24);
      rows = service.across(r, facet.trim(), MAX_VALUES);
    } catch (ConditionSyntaxException e) {
      error("Condition not understood: " + e.getMessage());
    } catch (NotFoundException e) {
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
      error(e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      error(e.getMessage());
    }
  }

  /** The cells. */
  public List<AcrossRow> getRows() {
    return rows;
  }

  /** Facets to choose from. */
  public List<String> getFields() {
    return fields;
  }

  /** Links of the query, or null if the request was unusable. */
  public SearchLinks getLinks() {
    return links;
  }

  /** The query image's thumbnail URL. */
  public String getQueryImage() {
    if (links == null) {
      return "";
    }
    if (links.item().isPresent()) {
      return "img/item/" + links.item().get() + "/display";
    }
    return links.upload().map(u -> "img/upload/" + u + "/display").orElse("");
  }

  /** This page for another facet. */
  public String facetLink(String field) {
    return links == null ? "across.xhtml?facet=" + field : links.across(field);
  }

  /** A score for display. */
  public String score(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
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

  public String getFacet() {
    return facet;
  }

  public void setFacet(String facet) {
    this.facet = facet;
  }
}
