package org.mnemosyne.db.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.progress.CancellationSource;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.db.embedding.DatabaseVectorSource;
import org.mnemosyne.db.jdbc.Transactor;
import org.mnemosyne.db.job.JobState;
import org.mnemosyne.db.testing.Sql;
import org.mnemosyne.db.testing.TestDatabase;
import org.mnemosyne.db.testing.TestModel;

/**
 * A newcomer's first start: the three sample collections are imported once; a start that was
 * stopped half-way is finished by the next one; later starts do nothing.
 */
class SampleCollectionsTest {
  @Test
  void theSamplesAreImportedOnceEvenIfTheFirstStartIsInterrupted() {
    DataSource ds = TestDatabase.fresh();
    ImportService service =
        new ImportService(ds, TestModel.registry(), TestModel.model(), ImportSettings.defaults());
    CancellationSource stop = new CancellationSource();
    AtomicInteger batches = new AtomicInteger();
    long start = System.nanoTime();
    List<ImportSummary> interrupted =
        SampleCollections.importOnFirstStart(
            service,
            TestModel.DATA,
            p -> {
              if (batches.incrementAndGet() == 3) {
                stop.cancel(); // the server is stopped during the first collection
              }
            },
            stop);
    assertEquals(1, interrupted.size());
    assertEquals(JobState.CANCELLED, interrupted.get(0).state());
    assertEquals(3, Sql.count(ds, "SELECT count(*) FROM collection"), "all three exist at once");

    List<ImportSummary> finished =
        SampleCollections.importOnFirstStart(
            service, TestModel.DATA, ImportListener.NONE, CancellationToken.NONE);
    assertEquals(3, finished.size());
    assertTrue(finished.get(0).resumed());
    assertTrue(finished.stream().allMatch(s -> s.state() == JobState.SUCCEEDED));
    assertEquals(267 + 283 + 289, Sql.count(ds, "SELECT count(*) FROM item"));
    assertEquals(267 + 283 + 289, Sql.count(ds, "SELECT count(*) FROM embedding"));
    assertEquals(
        List.of("aic:art", "debian:photos", "openclipart:clipart"),
        Sql.column(
            ds,
            "SELECT i.slug || ':' || c.slug FROM collection c JOIN institution i"
                + " ON i.id = c.institution_id ORDER BY c.id"));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("samples: %d items in %.1f s%n", 267 + 283 + 289, seconds);

    assertEquals(
        List.of(),
        SampleCollections.importOnFirstStart(
            service, TestModel.DATA, ImportListener.NONE, CancellationToken.NONE),
        "later starts do nothing");
    DatabaseVectorSource vectors =
        new DatabaseVectorSource(
            new Transactor(ds), TestModel.model().info().id(), TestModel.model().info().version());
    assertEquals(839, vectors.count());
    assertEquals(
        46,
        Sql.count(
            ds,
            "SELECT count(DISTINCT f.item_id) FROM item_facet f JOIN facet_value v ON v.id = f.value_id"
                + " WHERE v.field = 'subject' AND v.label = 'flower'"),
        "'flower' in photos/subjects.csv and clipart/subjects.csv is one dictionary value");
  }
}
