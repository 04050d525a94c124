package org.mnemosyne.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.mnemosyne.web.platform.ServerStartLog;

/** {@code GET /api/health}: 200 when the application and its database answer, 503 otherwise. */
@ApplicationScoped
@Path("health")
public class HealthResource {
  @Inject ServerStartLog starts;

  /**
   * Health of the portal.
   *
   * @param status {@code UP} or {@code DOWN}
   * @param database {@code UP} or the reason it is down
   */
  public record Health(String status, String database) {}

  /** Checks the database with a query. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    try {
      starts.count();
      return Response.ok(new Health("UP", "UP")).build();
    } catch (RuntimeException e) {
      return Response.status(503).entity(new Health("DOWN", "DOWN: " + e.getMessage())).build();
    }
  }
}
