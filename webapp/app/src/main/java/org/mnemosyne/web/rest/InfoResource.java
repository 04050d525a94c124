package org.mnemosyne.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.mnemosyne.web.platform.PortalStatus;
import org.mnemosyne.web.platform.StatusService;

/** {@code GET /api/info}: version, database, discovered plugins (and problems), model. */
@ApplicationScoped
@Path("info")
public class InfoResource {
  @Inject StatusService status;

  /** The portal's status. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public PortalStatus info() {
    return status.status();
  }
}
