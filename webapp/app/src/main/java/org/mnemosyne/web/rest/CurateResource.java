package org.mnemosyne.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.mnemosyne.web.admin.AdminService;
import org.mnemosyne.web.security.CurrentUser;

/**
 * The curation API ({@code /api/curate/...}; curator or admin role, see web.xml): taking an item
 * down, within the user's institution where they have one (403 beyond it). With the session cookie,
 * the session's CSRF token header is needed.
 */
@ApplicationScoped
@Path("curate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CurateResource {
  @Inject CurrentUser user;
  @Inject AdminService admin;

  /** Takes one item down: it leaves search, its cached explanations and image copies go. */
  @POST
  @Path("items/{id}/withdraw")
  public Map<String, String> withdrawItem(
      @PathParam("id") long id, @FormParam("reason") String reason) {
    admin.withdrawItem(user.curatorScope(), id, reason);
    return Map.of("status", "withdrawn");
  }
}
