package org.mnemosyne.web.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.mnemosyne.db.account.SavedCondition;
import org.mnemosyne.db.cache.CacheStats;
import org.mnemosyne.web.admin.AdminService;
import org.mnemosyne.web.admin.CatalogAdmin;
import org.mnemosyne.web.admin.CollectionRow;
import org.mnemosyne.web.admin.InstitutionRow;
import org.mnemosyne.web.admin.JobRow;
import org.mnemosyne.web.search.SavedConditions;
import org.mnemosyne.web.security.CurrentUser;

/**
 * The admin page ({@code admin/index.xhtml}, admin role only — see web.xml): collections and their
 * life cycle, imports, jobs, the cache and published conditions, limited to the admin's institution
 * where the admin has one. Users and institutions: {@link AdminUsersView}.
 */
@Named
@RequestScoped
public class AdminView {
  @Inject AdminService admin;
  @Inject CatalogAdmin catalog;
  @Inject SavedConditions saved;
  @Inject CurrentUser user;

  private String institution = "";
  private String institutionName = "";
  private String collection = "";
  private String collectionName = "";
  private String description = "";
  private String source = "";
  private boolean publish;
  private List<CollectionRow> collections;
  private List<JobRow> jobs;

  /** Collections the admin manages. */
  public List<CollectionRow> getCollections() {
    if (collections == null) {
      collections = catalog.collections(user.adminScope());
    }
    return collections;
  }

  /** Institutions the admin manages (for the forms). */
  public List<InstitutionRow> getInstitutions() {
    return catalog.institutions(user.adminScope());
  }

  /** Recent jobs of the admin's collections. */
  public List<JobRow> getJobs() {
    if (jobs == null) {
      jobs = admin.jobs(user.adminScope(), 15);
    }
    return jobs;
  }

  /** Whether a job is still going (the page refreshes itself then). */
  public boolean isBusy() {
    return getJobs().stream()
        .anyMatch(j -> j.state().equals("running") || j.state().equals("queued"));
  }

  /** Cache contents. */
  public CacheStats getCache() {
    return admin.cacheStats();
  }

  /** Every saved condition an admin sees: the published ones (owners' own stay theirs). */
  public List<SavedCondition> getConditions() {
    return saved.visibleTo(Optional.empty());
  }

  /** Starts the import of the form. */
  public void startImport() {
    attempt(
        () -> {
          admin.startImport(
              user.adminScope(),
              institution,
              institutionName,
              collection,
              collectionName,
              source,
              publish);
          return "Import of "
              + source
              + " into "
              + collection
              + " started; see Jobs."
              + (publish ? "" : " A new collection stays a draft until you publish it.");
        });
  }

  /** Creates a draft collection from the form. */
  public void createCollection() {
    attempt(
        () -> {
          catalog.createCollection(
              user.adminScope(), institution, collection, collectionName, description);
          return "Draft collection " + collection + " created; import into it, then publish it.";
        });
  }

  /** Publishes a draft. */
  public void publish(long id) {
    attempt(
        () -> {
          catalog.publish(user.adminScope(), id);
          return "Collection published: visitors see it now.";
        });
  }

  /** Hides a published collection again. */
  public void unpublish(long id) {
    attempt(
        () -> {
          catalog.unpublish(user.adminScope(), id);
          return "Collection hidden (draft again); its items are kept.";
        });
  }

  /** Withdraws a collection. */
  public void withdraw(long id) {
    attempt(
        () -> {
          int n = admin.withdrawCollection(user.adminScope(), id, "withdrawn by an admin");
          return "Collection withdrawn (" + n + " items left the index).";
        });
  }

  /** Cancels a job. */
  public void cancel(long id) {
    attempt(
        () -> {
          admin.cancelJob(user.adminScope(), id);
          return "Job " + id + " asked to stop.";
        });
  }

  /** Clears the explanation cache. */
  public void clearCache() {
    attempt(() -> admin.clearCache(user.adminScope()) + " cached explanations deleted.");
  }

  /** Rebuilds the index. */
  public void reindex() {
    attempt(
        () -> {
          admin.reindex();
          return "Index rebuilt.";
        });
  }

  /** Deletes a published condition. */
  public void deleteCondition(long id) {
    attempt(
        () -> {
          user.adminScope().requireSiteWide("delete published conditions");
          saved.delete(id, Optional.empty(), true);
          return "Condition deleted.";
        });
  }

  /**
   * Runs an action and forgets the lists read earlier in this request (a postback reads them before
   * the action runs).
   */
  private void attempt(Supplier<String> action) {
    Pages.attempt(action);
    collections = null;
    jobs = null;
  }

  public String getInstitution() {
    return institution;
  }

  public void setInstitution(String institution) {
    this.institution = institution;
  }

  public String getInstitutionName() {
    return institutionName;
  }

  public void setInstitutionName(String institutionName) {
    this.institutionName = institutionName;
  }

  public String getCollection() {
    return collection;
  }

  public void setCollection(String collection) {
    this.collection = collection;
  }

  public String getCollectionName() {
    return collectionName;
  }

  public void setCollectionName(String collectionName) {
    this.collectionName = collectionName;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public boolean isPublish() {
    return publish;
  }

  public void setPublish(boolean publish) {
    this.publish = publish;
  }
}
