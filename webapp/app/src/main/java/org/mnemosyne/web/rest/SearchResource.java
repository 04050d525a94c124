package org.mnemosyne.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.runtime.image.Region;
import org.mnemosyne.runtime.search.FacetCounts;
import org.mnemosyne.web.admin.CatalogAdmin;
import org.mnemosyne.web.search.SearchPage;
import org.mnemosyne.web.search.SearchRequest;
import org.mnemosyne.web.search.SearchService;
import org.mnemosyne.web.search.UploadStore;

/**
 * The search API: {@code GET /api/search} (by item, by a kept upload, or browsing), {@code POST
 * /api/search} with an image as the body, {@code GET /api/items/{id}} and {@code GET /api/facets}.
 * Conditions are the query text of the portal ({@code culture:Dutch AND year:[1600 TO 1700]}); a
 * malformed one answers 400 with the position of the problem.
 */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
  @Inject SearchService search;
  @Inject UploadStore uploads;
  @Inject CatalogAdmin catalog;

  /**
   * A search answer.
   *
   * @param item query item id, or null
   * @param upload query upload id, or null (reuse it to page without re-posting the image)
   * @param region query region {@code x,y,w,h}, or null
   * @param condition the condition, normalised
   * @param matching items satisfying the condition
   * @param indexed searchable items
   * @param mode how the index answered
   * @param vectorsScored vectors scored by the index
   * @param elapsedMicros index time in microseconds
   * @param page page number
   * @param hasMore whether the next page has results
   * @param warnings e.g. condition values no item has
   * @param results this page's results
   */
  public record SearchJson(
      Long item,
      String upload,
      String region,
      String condition,
      long matching,
      int indexed,
      String mode,
      long vectorsScored,
      long elapsedMicros,
      int page,
      boolean hasMore,
      List<String> warnings,
      List<HitJson> results) {}

  /**
   * One result.
   *
   * @param rank 1-based rank
   * @param score cosine similarity, or null when browsing
   * @param item the item
   */
  public record HitJson(int rank, Double score, ItemJson item) {}

  /** Searches by a stored item or a kept upload, or browses the condition without either. */
  @GET
  @Path("search")
  public SearchJson search(
      @QueryParam("item") Long item,
      @QueryParam("upload") String upload,
      @QueryParam("region") String region,
      @QueryParam("condition") String condition,
      @QueryParam("k") @DefaultValue("24") int k,
      @QueryParam("page") @DefaultValue("0") int page) {
    return json(
        search.search(
            new SearchRequest(
                Optional.ofNullable(item),
                Optional.ofNullable(upload),
                Optional.ofNullable(region).map(Region::parse),
                condition,
                k,
                page)));
  }

  /** Searches with the posted image (kept, so that its upload id can page). */
  @POST
  @Path("search")
  @Consumes({"image/*", MediaType.APPLICATION_OCTET_STREAM})
  public SearchJson searchByImage(
      InputStream body,
      @QueryParam("region") String region,
      @QueryParam("condition") String condition,
      @QueryParam("k") @DefaultValue("24") int k)
      throws IOException {
    String id = uploads.store(EmbeddingResource.readBounded(body));
    return search(null, id, region, condition, k, 0);
  }

  /**
   * One cell of the across-facet grid.
   *
   * @param value facet value
   * @param count matching items with the value
   * @param best the best match with the value, or null
   */
  public record AcrossJson(String value, int count, HitJson best) {}

  /**
   * One row of a coverage report.
   *
   * @param rank 1 for the worst-covered item
   * @param item the item of A
   * @param match its best match in B
   * @param score their cosine similarity
   */
  public record CoverageJson(int rank, ItemJson item, ItemJson match, double score) {}

  /** The best match for each value of a categorical facet (the MosAIc grid). */
  @GET
  @Path("across")
  public List<AcrossJson> across(
      @QueryParam("facet") String facet,
      @QueryParam("item") Long item,
      @QueryParam("upload") String upload,
      @QueryParam("region") String region,
      @QueryParam("condition") String condition,
      @QueryParam("max") @DefaultValue("50") int max) {
    if (facet == null || facet.isBlank()) {
      throw new IllegalArgumentException("facet is required, e.g. facet=culture");
    }
    if (max < 1 || max > 500) {
      throw new IllegalArgumentException("max must be between 1 and 500");
    }
    SearchRequest r =
        new SearchRequest(
            Optional.ofNullable(item),
            Optional.ofNullable(upload),
            Optional.ofNullable(region).map(Region::parse),
            condition,
            1,
            0);
    return search.across(r, facet.trim(), max).stream()
        .map(
            c ->
                new AcrossJson(
                    c.value(),
                    c.count(),
                    c.best()
                        .map(
                            row ->
                                new HitJson(1, row.score().getAsDouble(), ItemJson.of(row.item())))
                        .orElse(null)))
        .toList();
  }

  /** The items of collection {@code a} whose best match in collection {@code b} is farthest. */
  @GET
  @Path("coverage")
  public List<CoverageJson> coverage(
      @QueryParam("a") String a,
      @QueryParam("b") String b,
      @QueryParam("n") @DefaultValue("20") int n) {
    if (a == null || b == null || a.isBlank() || b.isBlank()) {
      throw new IllegalArgumentException("a and b (collection slugs) are required");
    }
    if (n < 1 || n > 1000) {
      throw new IllegalArgumentException("n must be between 1 and 1000");
    }
    return search.coverage(a.trim(), b.trim(), n).stream()
        .map(
            c ->
                new CoverageJson(
                    c.rank(), ItemJson.of(c.item()), ItemJson.of(c.match()), c.score()))
        .toList();
  }

  /** One item. */
  @GET
  @Path("items/{id}")
  public ItemJson item(@PathParam("id") long id) {
    return ItemJson.of(search.activeItem(id));
  }

  /**
   * A published collection.
   *
   * @param slug the {@code collection} facet value
   * @param name display name
   * @param description description, or empty
   * @param institution the {@code institution} facet value
   * @param institutionName the institution's display name
   * @param items searchable items
   */
  public record CollectionJson(
      String slug,
      String name,
      String description,
      String institution,
      String institutionName,
      long items) {}

  /** The published collections (drafts and withdrawn ones are not listed). */
  @GET
  @Path("collections")
  public List<CollectionJson> collections() {
    return catalog.published().stream()
        .map(
            c ->
                new CollectionJson(
                    c.slug(),
                    c.name(),
                    c.description(),
                    c.institutionSlug(),
                    c.institution(),
                    c.items()))
        .toList();
  }

  /** Facet counts among the items matching a condition (all items without one). */
  @GET
  @Path("facets")
  public FacetCounts facets(
      @QueryParam("condition") String condition, @QueryParam("max") @DefaultValue("50") int max) {
    if (max < 1 || max > 10_000) {
      throw new IllegalArgumentException("max must be between 1 and 10000");
    }
    Condition c = search.parse(condition);
    return search.facets(c, max);
  }

  private static SearchJson json(SearchPage p) {
    SearchRequest r = p.request();
    return new SearchJson(
        r.item().orElse(null),
        r.upload().orElse(null),
        r.region().map(Region::toString).orElse(null),
        p.condition().toQueryString(),
        p.matching(),
        p.indexed(),
        p.mode(),
        p.vectorsScored(),
        p.elapsed().toNanos() / 1000,
        r.page(),
        p.hasMore(),
        p.warnings(),
        p.rows().stream()
            .map(
                row ->
                    new HitJson(
                        row.rank(),
                        row.score().isPresent() ? row.score().getAsDouble() : null,
                        ItemJson.of(row.item())))
            .toList());
  }
}
