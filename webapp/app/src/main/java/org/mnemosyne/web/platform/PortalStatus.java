package org.mnemosyne.web.platform;

import java.util.List;

/**
 * What is running, for the start page and {@code GET /api/info}.
 *
 * @param version Mnemosyne version
 * @param java Java runtime version
 * @param database the database in use
 * @param plugins every discovered provider
 * @param problems plugins that were skipped and why
 * @param model the embedding model
 */
public record PortalStatus(
    String version,
    String java,
    Database database,
    List<Plugin> plugins,
    List<Problem> problems,
    Model model) {

  /**
   * The database.
   *
   * @param product e.g. {@code PostgreSQL 14.22}
   * @param url JDBC URL (no credentials)
   * @param user database user
   * @param schemaVersion Flyway schema version
   * @param starts how many times the portal has started on this database
   * @param firstStart when it first started (ISO-8601), or empty
   * @param jpaProvider the JPA implementation's entity manager factory class
   */
  public record Database(
      String product,
      String url,
      String user,
      String schemaVersion,
      long starts,
      String firstStart,
      String jpaProvider) {}

  /**
   * A discovered provider.
   *
   * @param kind model, explainer, index or importer
   * @param name unique name within the kind
   * @param version provider version
   * @param description what it does
   * @param capabilities capability tags, sorted
   * @param origin {@code built-in} or {@code plugin jar <file>}
   */
  public record Plugin(
      String kind,
      String name,
      String version,
      String description,
      List<String> capabilities,
      String origin) {}

  /**
   * A skipped plugin.
   *
   * @param source jar or class
   * @param reason why, and what to do
   */
  public record Problem(String source, String reason) {}

  /**
   * The embedding model.
   *
   * @param status {@code loaded}, {@code not loaded} (opened on first use) or {@code failed}
   * @param id model id
   * @param version weights version
   * @param dimension embedding length
   * @param engine engine and version
   * @param device where it runs
   * @param failure why it failed, if it did
   */
  public record Model(
      String status,
      String id,
      String version,
      int dimension,
      String engine,
      String device,
      String failure) {}
}
