package org.mnemosyne.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mnemosyne.db.catalog.CatalogRepository;
import org.mnemosyne.db.catalog.CollectionInfo;
import org.mnemosyne.db.catalog.Slug;
import org.mnemosyne.db.jdbc.Transactor;
import org.mnemosyne.db.job.JobRepository;
import org.mnemosyne.db.job.JobState;
import org.mnemosyne.db.testing.Sql;
import org.mnemosyne.db.testing.TestDatabase;

/** The schema itself refuses inconsistent data. */
class SchemaConstraintsTest {
  private static final String HASH = "a".repeat(64);

  private static long item(DataSource ds, long collection, String sourceId) {
    return Sql.insertItem(ds, collection, sourceId, HASH);
  }

  @Test
  void itemsVectorsAndFacetsKeepTheirInvariants() {
    DataSource ds = TestDatabase.fresh();
    CatalogRepository catalog = new CatalogRepository(new Transactor(ds));
    CollectionInfo c =
        catalog.ensureCollection(catalog.ensureInstitution(new Slug("i"), "I"), new Slug("c"), "C");
    long id = item(ds, c.id(), "a");
    assertThrows(
        IllegalStateException.class, () -> item(ds, c.id(), "a"), "one item per source id");
    assertThrows(
        IllegalStateException.class,
        () -> Sql.update(ds, "UPDATE item SET year_from = 1700, year_to = 1600 WHERE id = ?", id));
    assertThrows(
        IllegalStateException.class,
        () -> Sql.update(ds, "UPDATE item SET status = 'withdrawn' WHERE id = ?", id),
        "a withdrawn item has a withdrawal time");
    assertThrows(
        IllegalStateException.class,
        () ->
            Sql.update(
                ds,
                "INSERT INTO embedding (item_id, model_id, model_version, dimension, vector,"
                    + " content_hash) VALUES (?, 'm', '1', 3, '{1,2}', ?)",
                id,
                HASH),
        "the vector has the declared dimension");
    assertThrows(
        IllegalStateException.class,
        () ->
            Sql.update(
                ds,
                "INSERT INTO facet_value (field, value_key, label) VALUES ('no-such-field', 'x', 'x')"));
    assertEquals(1, catalog.activeItemCount(c.id()));
    assertEquals(true, catalog.withdrawItem(c.id(), "a", "takedown request"));
    assertEquals(0, catalog.activeItemCount(c.id()));
    assertEquals(true, catalog.deleteCollection(c.id()));
    assertEquals(0, Sql.count(ds, "SELECT count(*) FROM item"), "items go with their collection");
  }

  @Test
  void onlyOneJobIsActivePerSubjectAndStatesAreConsistent() {
    DataSource ds = TestDatabase.fresh();
    JobRepository jobs = new JobRepository(new Transactor(ds));
    var job =
        jobs.createRunning("import", "collection:1", Optional.empty(), java.util.Map.of("a", "b"));
    assertEquals(JobState.RUNNING, job.state());
    assertEquals(java.util.Map.of("a", "b"), job.parameters());
    assertThrows(
        IllegalStateException.class,
        () -> jobs.createRunning("import", "collection:1", Optional.empty(), java.util.Map.of()));
    assertThrows(
        IllegalStateException.class,
        () -> Sql.update(ds, "UPDATE job SET state = 'succeeded' WHERE id = ?", job.id()),
        "a finished job has a finish time");
    assertEquals(true, jobs.requestCancel(job.id()));
    jobs.finish(job.id(), JobState.CANCELLED, Optional.of("asked to"));
    assertEquals(false, jobs.requestCancel(job.id()));
    var next = jobs.createRunning("import", "collection:1", Optional.empty(), java.util.Map.of());
    assertEquals(JobState.RUNNING, next.state());
    assertThrows(IllegalStateException.class, () -> jobs.restart(job.id()), "next is active");
    jobs.finish(next.id(), JobState.FAILED, Optional.of("broke"));
    var again = jobs.restart(job.id());
    assertEquals(2, again.attempts());
    assertEquals(false, again.cancelRequested());
  }
}
