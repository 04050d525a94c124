package org.mnemosyne.web.view;

import static org.mnemosyne.web.view.Pages.error;
import static org.mnemosyne.web.view.Pages.info;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.mnemosyne.db.account.SavedCondition;
import org.mnemosyne.db.cache.CacheStats;
import org.mnemosyne.web.admin.AdminService;
import org.mnemosyne.web.admin.CollectionRow;
import org.mnemosyne.web.admin.JobRow;
import org.mnemosyne.web.search.SavedConditions;

/** The admin page ({@code admin/index.xhtml}, admin role only — see web.xml). */
@Named
@RequestScoped
public class AdminView {
  @Inject AdminService admin;
  @Inject SavedConditions saved;

  private String institution = "";
  private String institutionName = "";
  private String collection = "";
  private String collectionName = "";
  private String source = "";

  /** Collections. */
  public List<CollectionRow> getCollections() {
    return admin.collections();
  }

  /** Recent jobs. */
  public List<JobRow> getJobs() {
    return admin.jobs(15);
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
    try {
      admin.startImport(institution, institutionName, collection, collectionName, source);
      info("Import of " + source + " into " + collection + " started; see Jobs.");
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
    }
  }

  /** Withdraws a collection. */
  public void withdraw(long id) {
    int n = admin.withdrawCollection(id, "withdrawn by an admin");
    info("Collection withdrawn (" + n + " items left the index).");
  }

  /** Cancels a job. */
  public void cancel(long id) {
    admin.cancelJob(id);
    info("Job " + id + " asked to stop.");
  }

  /** Clears the explanation cache. */
  public void clearCache() {
    info(admin.clearCache() + " cached explanations deleted.");
  }

  /** Rebuilds the index. */
  public void reindex() {
    admin.reindex();
    info("Index rebuilt.");
  }

  /** Deletes a published condition. */
  public void deleteCondition(long id) {
    saved.delete(id, Optional.empty(), true);
    info("Condition deleted.");
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

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }
}
