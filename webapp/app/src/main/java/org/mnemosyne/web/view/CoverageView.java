package org.mnemosyne.web.view;

import static org.mnemosyne.web.view.Pages.error;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.mnemosyne.runtime.search.FacetCounts;
import org.mnemosyne.web.search.CoverageRow;
import org.mnemosyne.web.search.SearchService;

/**
 * The coverage page ({@code coverage.xhtml?a=art&b=photos}): the items of collection A whose best
 * match in collection B is farthest — what B does not cover.
 */
@Named
@RequestScoped
public class CoverageView {
  private static final int SHOWN = 12;

  @Inject SearchService service;

  private String a;
  private String b;
  private List<CoverageRow> rows = List.of();
  private List<String> collections = List.of();

  /** Computes the table (the page's view action). */
  public void load() {
    try {
      collections =
          service
              .facets(org.mnemosyne.api.index.Condition.ALL, 1000)
              .field("collection")
              .map(f -> f.values().stream().map(FacetCounts.Value::value).toList())
              .orElse(List.of());
      if (collections.size() >= 2) {
        if (a == null || a.isBlank()) {
          a = collections.get(0);
        }
        if (b == null || b.isBlank()) {
          b = collections.stream().filter(x -> !x.equals(a)).findFirst().orElse(a);
        }
        rows = service.coverage(a.trim(), b.trim(), SHOWN);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      error(e.getMessage());
    }
  }

  /** The rows, worst-covered first. */
  public List<CoverageRow> getRows() {
    return rows;
  }

  /** The collections to choose from. */
  public List<String> getCollections() {
    return collections;
  }

  /** A score for display. */
  public String score(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  public String getA() {
    return a;
  }

  public void setA(String a) {
    this.a = a;
  }

  public String getB() {
    return b;
  }

  public void setB(String b) {
    this.b = b;
  }
}
