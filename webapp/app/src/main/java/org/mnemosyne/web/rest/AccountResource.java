package org.mnemosyne.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.mnemosyne.db.account.SavedCondition;
import org.mnemosyne.web.search.SavedConditions;
import org.mnemosyne.web.security.CurrentUser;

/**
 * Saved conditions ({@code /api/conditions}): everyone reads the published ones, signed-in users
 * save their own, admins publish. Changes made with the session cookie need the session's CSRF
 * token header.
 */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
  @Inject SavedConditions saved;
  @Inject CurrentUser user;

  /**
   * A saved condition.
   *
   * @param id id
   * @param name name
   * @param condition canonical text
   * @param published whether everyone sees it
   */
  public record ConditionJson(long id, String name, String condition, boolean published) {}

  /** The published conditions and, for a signed-in user, their own. */
  @GET
  @Path("conditions")
  public List<ConditionJson> conditions() {
    return saved.visibleTo(user.id()).stream().map(AccountResource::json).toList();
  }

  /** Saves a condition (signed-in users; {@code publish=true} for admins only). */
  @POST
  @Path("conditions")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public ConditionJson save(
      @FormParam("name") String name,
      @FormParam("condition") String condition,
      @FormParam("publish") @DefaultValue("false") boolean publish) {
    if (!user.isSignedIn()) {
      throw new WebApplicationException("sign in to save conditions", 401);
    }
    if (publish && !user.isAdmin()) {
      throw new WebApplicationException("only admins publish conditions", 403);
    }
    long id = saved.save(publish ? Optional.empty() : user.id(), name, condition);
    return saved.visibleTo(user.id()).stream()
        .filter(s -> s.id() == id)
        .findFirst()
        .map(AccountResource::json)
        .orElseThrow();
  }

  private static ConditionJson json(SavedCondition s) {
    return new ConditionJson(s.id(), s.name(), s.text(), s.published());
  }
}
