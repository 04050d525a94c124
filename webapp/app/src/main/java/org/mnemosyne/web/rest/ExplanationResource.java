package org.mnemosyne.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mnemosyne.db.cache.CachedExplanation;
import org.mnemosyne.db.cache.ExplanationCache;
import org.mnemosyne.web.explain.ExplainRequest;
import org.mnemosyne.web.explain.ExplanationJobs;
import org.mnemosyne.web.explain.ImageRef;
import org.mnemosyne.web.explain.JobStatus;
import org.mnemosyne.web.platform.Database;
import org.mnemosyne.web.platform.ExplanationService;
import org.mnemosyne.web.search.NotFoundException;

/**
 * Explanations over HTTP: {@code GET /api/explainers} lists what can run; {@code POST
 * /api/explanations} (form fields) answers from the cache (200, with the explanation id) or starts
 * a background job (202); {@code GET/DELETE /api/explanations/jobs/{id}} polls or cancels it;
 * {@code GET /api/explanations/{id}} returns the explanation: parameters, cost, values per segment,
 * segment label maps and, for joint explanations, the interaction matrix.
 */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class ExplanationResource {
  @Inject ExplanationJobs jobs;
  @Inject ExplanationService explanations;
  @Inject Database database;

  /**
   * The current request (a proxy), read only when a job is started: a cache hit needs no client.
   */
  @Inject HttpServletRequest request;

  /**
   * An explainer that can run on the portal's model.
   *
   * @param name name
   * @param version version
   * @param description what it computes
   * @param orders first order and/or joint
   * @param greyBox whether it reads feature maps
   */
  public record ExplainerJson(
      String name, String version, String description, List<String> orders, boolean greyBox) {}

  /** The explainers that can run here. */
  @GET
  @Path("explainers")
  public List<ExplainerJson> explainers() {
    return explanations.explainers().stream()
        .map(
            p ->
                new ExplainerJson(
                    p.name(),
                    p.version(),
                    p.description(),
                    p.orders().stream().map(Enum::name).sorted().toList(),
                    p.requiresGreyBox()))
        .sorted(java.util.Comparator.comparing(ExplainerJson::name))
        .toList();
  }

  /** Starts an explanation, or answers it from the cache. */
  @POST
  @Path("explanations")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response start(
      @FormParam("queryItem") String queryItem,
      @FormParam("queryUpload") String queryUpload,
      @FormParam("targetItem") String targetItem,
      @FormParam("targetUpload") String targetUpload,
      @FormParam("explainer") String explainer,
      @FormParam("order") String order,
      @FormParam("segmentation") @DefaultValue("grid") String segmentation,
      @FormParam("grid") @DefaultValue("7") int grid,
      @FormParam("budget") @DefaultValue("512") int budget,
      @FormParam("seed") @DefaultValue("0") long seed) {
    ExplainRequest r =
        new ExplainRequest(
            ImageRef.of("query", queryItem, queryUpload),
            ImageRef.of("target", targetItem, targetUpload),
            explainer,
            ExplainRequest.order(order),
            segmentation,
            grid,
            budget,
            seed);
    JobStatus s = jobs.submit(r, () -> client(request));
    return Response.status(s.explanation() != null ? 200 : 202).entity(s).build();
  }

  /** Where an explanation job stands. */
  @GET
  @Path("explanations/jobs/{id}")
  public JobStatus job(@PathParam("id") long id) {
    return jobs.status(id);
  }

  /** Cancels an explanation job. */
  @DELETE
  @Path("explanations/jobs/{id}")
  public JobStatus cancel(@PathParam("id") long id) {
    jobs.cancel(id);
    return jobs.status(id);
  }

  /** A computed explanation. */
  @GET
  @Path("explanations/{id}")
  public Response explanation(@PathParam("id") long id) {
    CachedExplanation e =
        new ExplanationCache(database.tx())
            .find(id)
            .orElseThrow(() -> new NotFoundException("no explanation " + id));
    String body =
        "{\"id\":"
            + e.id()
            + ",\"queryItem\":"
            + e.queryItem().map(String::valueOf).orElse("null")
            + ",\"targetItem\":"
            + e.targetItem().map(String::valueOf).orElse("null")
            + ",\"explanation\":"
            + e.result()
            + "}";
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "private, max-age=3600")
        .build();
  }

  /** The requester, for the per-client limit: the session if there is one, else the address. */
  static String client(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null ? "session:" + session.getId() : "addr:" + request.getRemoteAddr();
  }
}
