package org.mnemosyne.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.mnemosyne.db.cache.CacheStats;
import org.mnemosyne.web.admin.AdminService;
import org.mnemosyne.web.admin.CatalogAdmin;
import org.mnemosyne.web.admin.CollectionRow;
import org.mnemosyne.web.admin.InstitutionRow;
import org.mnemosyne.web.admin.JobRow;
import org.mnemosyne.web.admin.UserAdmin;
import org.mnemosyne.web.admin.UserRow;
import org.mnemosyne.web.security.CurrentUser;

/**
 * The admin API ({@code /api/admin/...}; admin role, see web.xml): institutions, collections (draft
 * → published → withdrawn), imports, jobs, users and the explanation cache (item takedown: {@link
 * CurateResource}). An admin limited to one institution sees and changes only its collections, jobs
 * and users (403 otherwise). Forms are {@code application/x-www-form-urlencoded}; with the session
 * cookie, changes need the session's CSRF token header.
 */
@ApplicationScoped
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AdminResource {
  @Inject CurrentUser user;
  @Inject AdminService admin;
  @Inject CatalogAdmin catalog;
  @Inject UserAdmin users;

  /** Institutions the admin manages. */
  @GET
  @Path("institutions")
  public List<InstitutionRow> institutions() {
    return catalog.institutions(user.adminScope());
  }

  /** Creates an institution (portal-wide admins). */
  @POST
  @Path("institutions")
  public Map<String, Long> createInstitution(
      @FormParam("slug") String slug,
      @FormParam("name") String name,
      @FormParam("homepage") String homepage) {
    return Map.of("id", catalog.createInstitution(user.adminScope(), slug, name, homepage));
  }

  /** Collections the admin manages, with item counts and status. */
  @GET
  @Path("collections")
  public List<CollectionRow> collections() {
    return catalog.collections(user.adminScope());
  }

  /** Creates a draft collection. */
  @POST
  @Path("collections")
  public Map<String, Long> createCollection(
      @FormParam("institution") String institution,
      @FormParam("slug") String slug,
      @FormParam("name") String name,
      @FormParam("description") String description) {
    return Map.of(
        "id", catalog.createCollection(user.adminScope(), institution, slug, name, description));
  }

  /** Renames or re-describes a collection. */
  @POST
  @Path("collections/{id}")
  public Map<String, String> updateCollection(
      @PathParam("id") long id,
      @FormParam("name") String name,
      @FormParam("description") String description) {
    catalog.updateCollection(user.adminScope(), id, name, description);
    return Map.of("status", "updated");
  }

  /** Publishes a draft collection. */
  @POST
  @Path("collections/{id}/publish")
  public Map<String, String> publish(@PathParam("id") long id) {
    catalog.publish(user.adminScope(), id);
    return Map.of("status", "active");
  }

  /** Hides a published collection again (draft). */
  @POST
  @Path("collections/{id}/unpublish")
  public Map<String, String> unpublish(@PathParam("id") long id) {
    catalog.unpublish(user.adminScope(), id);
    return Map.of("status", "draft");
  }

  /** Takes a collection down. */
  @POST
  @Path("collections/{id}/withdraw")
  public Map<String, Integer> withdrawCollection(
      @PathParam("id") long id, @FormParam("reason") String reason) {
    return Map.of("withdrawn", admin.withdrawCollection(user.adminScope(), id, reason));
  }

  /** Recent jobs of the admin's collections. */
  @GET
  @Path("jobs")
  public List<JobRow> jobs() {
    return admin.jobs(user.adminScope(), 50);
  }

  /** Asks a job to stop. */
  @POST
  @Path("jobs/{id}/cancel")
  public Map<String, Boolean> cancelJob(@PathParam("id") long id) {
    return Map.of("cancelRequested", admin.cancelJob(user.adminScope(), id));
  }

  /**
   * Starts an import; a new collection is a draft unless {@code publish=true}.
   *
   * @throws IllegalArgumentException if a required field is missing
   */
  @POST
  @Path("imports")
  public Map<String, String> startImport(
      @FormParam("institution") String institution,
      @FormParam("institutionName") String institutionName,
      @FormParam("collection") String collection,
      @FormParam("collectionName") String collectionName,
      @FormParam("source") String source,
      @FormParam("publish") @DefaultValue("false") boolean publish) {
    if (institution == null || collection == null || source == null) {
      throw new IllegalArgumentException("institution, collection and source are required");
    }
    admin.startImport(
        user.adminScope(),
        institution,
        institutionName,
        collection,
        collectionName,
        source,
        publish);
    return Map.of("status", "started");
  }

  /** Users the admin manages (never password hashes). */
  @GET
  @Path("users")
  public List<UserRow> users() {
    return users.users(user.adminScope());
  }

  /** Creates a user ({@code role} admin or curator; {@code institution} blank = portal-wide). */
  @POST
  @Path("users")
  public Map<String, Long> createUser(
      @FormParam("username") String username,
      @FormParam("displayName") String displayName,
      @FormParam("password") String password,
      @FormParam("role") String role,
      @FormParam("institution") String institution) {
    if (password == null || role == null) {
      throw new IllegalArgumentException("username, password and role are required");
    }
    return Map.of(
        "id",
        users.create(
            user.adminScope(),
            username,
            displayName,
            password.toCharArray(),
            List.of(role),
            institution));
  }

  /** The explanation cache. */
  @GET
  @Path("cache")
  public CacheStats cache() {
    return admin.cacheStats();
  }

  /** Clears the explanation cache (portal-wide admins). */
  @POST
  @Path("cache/clear")
  public Map<String, Integer> clearCache() {
    return Map.of("deleted", admin.clearCache(user.adminScope()));
  }
}
