package org.mnemosyne.db.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.FeatureMap;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.api.progress.CancellationSource;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.db.catalog.Slug;
import org.mnemosyne.db.job.JobState;
import org.mnemosyne.db.testing.SampleFixture;
import org.mnemosyne.db.testing.Sql;
import org.mnemosyne.db.testing.TestDatabase;
import org.mnemosyne.db.testing.TestModel;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An import stopped half-way — by an error in the model, a failed commit, a cancellation or a
 * {@code kill -9} of its process — and then run again completes exactly once: every row counted
 * once, every item stored once, every image embedded once, every problem recorded once.
 */
class ResumeTest {
  static final int ROWS = 100;
  static final int BATCH = 16;

  @TempDir Path dir;

  private ImportRequest request() {
    return ImportRequest.builder(
            new Slug("test"), new Slug("clip"), new ImportSource(dir.toUri(), Map.of()))
        .batchSize(BATCH)
        .build();
  }

  private ImportService service(DataSource ds, EmbeddingModel model) {
    return new ImportService(ds, TestModel.registry(), model, ImportSettings.defaults());
  }

  /** A fixture with one bad row (missing image) at row 50, so problems are checked too. */
  private void fixture() throws Exception {
    List<List<String>> rows = new ArrayList<>(SampleFixture.copy("clipart", ROWS, dir));
    List<String> bad = new ArrayList<>(rows.get(50));
    bad.set(1, "images/missing.jpg");
    rows.set(50, bad);
    SampleFixture.write(dir.resolve("metadata.csv"), rows);
  }

  private static void assertCompletedExactlyOnce(DataSource ds, ImportSummary s) {
    assertEquals(JobState.SUCCEEDED, s.state(), s.error().orElse(""));
    assertEquals(new ImportCounts(ROWS, ROWS - 1, 0, 0, ROWS - 1, 1, 0, 0), s.counts());
    assertEquals(ROWS - 1, Sql.count(ds, "SELECT count(*) FROM item"));
    assertEquals(ROWS - 1, Sql.count(ds, "SELECT count(*) FROM embedding"));
    assertEquals(1, Sql.count(ds, "SELECT count(*) FROM job_error"));
    assertEquals(1, s.problems().size());
    assertEquals("missing-image", s.problems().get(0).code());
    assertEquals(ROWS, Sql.count(ds, "SELECT processed FROM job WHERE id = ?", s.jobId()));
    assertEquals(
        String.valueOf(ROWS),
        Sql.column(ds, "SELECT resume_cursor FROM job WHERE id = ?", s.jobId()).get(0));
  }

  /** The real model, failing once after {@code limit} images. */
  static final class FailingModel implements EmbeddingModel {
    private final EmbeddingModel delegate;
    private final int limit;
    private final AtomicInteger seen = new AtomicInteger();

    FailingModel(EmbeddingModel delegate, int limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public ModelInfo info() {
      return delegate.info();
    }

    @Override
    public List<Embedding> embed(List<RgbImage> images) {
      if (seen.addAndGet(images.size()) > limit) {
        throw new IllegalStateException("simulated crash in the model");
      }
      return delegate.embed(images);
    }

    @Override
    public List<FeatureMap> featureMaps(List<RgbImage> images) {
      return delegate.featureMaps(images);
    }

    @Override
    public void close() {}
  }

  @Test
  void anErrorInTheModelHalfWayThenARerunCompletesExactlyOnce() throws Exception {
    fixture();
    DataSource ds = TestDatabase.fresh();
    ImportSummary failed =
        service(ds, new FailingModel(TestModel.model(), 40))
            .run(request(), ImportListener.NONE, CancellationToken.NONE);
    assertEquals(JobState.FAILED, failed.state());
    assertTrue(failed.error().orElseThrow().contains("simulated crash"));
    assertEquals(2 * BATCH, failed.counts().processed(), "two batches were committed");
    assertEquals(2 * BATCH, Sql.count(ds, "SELECT count(*) FROM item"));

    ImportSummary resumed =
        service(ds, TestModel.model()).run(request(), ImportListener.NONE, CancellationToken.NONE);
    assertTrue(resumed.resumed());
    assertEquals(failed.jobId(), resumed.jobId(), "the same job continues");
    assertEquals(ROWS - 1 - 2 * BATCH, resumed.embeddedThisAttempt());
    assertCompletedExactlyOnce(ds, resumed);
  }

  @Test
  void aCommitThatFailsRollsTheWholeBatchBackAndTheRerunRedoesIt() throws Exception {
    fixture();
    PGSimpleDataSource real = TestDatabase.fresh();
    AtomicInteger commits = new AtomicInteger();
    DataSource faulty = failingThirdBatchCommit(real, commits);
    ImportSummary failed =
        service(faulty, TestModel.model())
            .run(request(), ImportListener.NONE, CancellationToken.NONE);
    assertEquals(JobState.FAILED, failed.state());
    assertEquals(2 * BATCH, Sql.count(real, "SELECT count(*) FROM item"), "batch 3 left nothing");
    assertEquals(2 * BATCH, Sql.count(real, "SELECT count(*) FROM embedding"));
    ImportSummary resumed =
        service(real, TestModel.model())
            .run(request(), ImportListener.NONE, CancellationToken.NONE);
    assertCompletedExactlyOnce(real, resumed);
  }

  /** Connections whose commit fails once, at the third commit of an item batch. */
  private static DataSource failingThirdBatchCommit(
      PGSimpleDataSource real, AtomicInteger commits) {
    return (DataSource)
        Proxy.newProxyInstance(
            ResumeTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, real, args);
              if (!method.getName().equals("getConnection")) {
                return result;
              }
              Connection c = (Connection) result;
              return Proxy.newProxyInstance(
                  ResumeTest.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p2, m2, a2) -> {
                    if (m2.getName().equals("commit")
                        && isBatchCommit(c)
                        && commits.incrementAndGet() == 3) {
                      throw new SQLException("simulated crash at commit");
                    }
                    return invoke(m2, c, a2);
                  });
            });
  }

  private static boolean isBatchCommit(Connection c) throws SQLException {
    // Only the import's batch transactions write items; the job bookkeeping does not.
    try (var st = c.createStatement();
        var rs =
            st.executeQuery("SELECT count(*) FROM item WHERE xmin::text = txid_current()::text")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void aCancelledImportStopsAtABatchBoundaryAndResumes() throws Exception {
    fixture();
    DataSource ds = TestDatabase.fresh();
    CancellationSource cancel = new CancellationSource();
    AtomicInteger batches = new AtomicInteger();
    ImportSummary cancelled =
        service(ds, TestModel.model())
            .run(
                request(),
                p -> {
                  if (batches.incrementAndGet() == 2) {
                    cancel.cancel();
                  }
                },
                cancel);
    assertEquals(JobState.CANCELLED, cancelled.state());
    assertEquals(2 * BATCH, cancelled.counts().processed());
    assertEquals("cancelled", Sql.column(ds, "SELECT state FROM job").get(0));
    ImportSummary resumed =
        service(ds, TestModel.model()).run(request(), ImportListener.NONE, CancellationToken.NONE);
    assertEquals(cancelled.jobId(), resumed.jobId());
    assertCompletedExactlyOnce(ds, resumed);
  }

  @Test
  void aCancelRequestFromAnotherProcessStopsTheJobAtItsNextCommit() throws Exception {
    fixture();
    DataSource ds = TestDatabase.fresh();
    ImportService service = service(ds, TestModel.model());
    ImportSummary cancelled =
        service.run(
            request(),
            p -> {
              if (p.counts().processed() == BATCH) {
                // What the portal does: set the flag in the database.
                assertTrue(
                    new ImportService(
                            ds, TestModel.registry(), TestModel.model(), ImportSettings.defaults())
                        .requestCancel(p.jobId()));
              }
            },
            CancellationToken.NONE);
    assertEquals(JobState.CANCELLED, cancelled.state());
    assertEquals(2 * BATCH, cancelled.counts().processed());
    ImportSummary resumed = service.run(request(), ImportListener.NONE, CancellationToken.NONE);
    assertCompletedExactlyOnce(ds, resumed);
  }

  @Test
  void aKilledImportProcessIsTakenOverAndCompletedExactlyOnce() throws Exception {
    fixture();
    PGSimpleDataSource ds = TestDatabase.fresh();
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "-Dmnemosyne.shared.dir=" + System.getProperty("mnemosyne.shared.dir"),
            "-Dai.djl.offline=true",
            ImportProcess.class.getName(),
            ds.getUrl(),
            dir.toString(),
            "clip",
            String.valueOf(BATCH));
    Process child =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    long processed = 0;
    while (System.nanoTime() < deadline && child.isAlive()) {
      List<String> p = Sql.column(ds, "SELECT processed FROM job");
      processed = p.isEmpty() ? 0 : Long.parseLong(p.get(0));
      if (processed >= 2 * BATCH) {
        break;
      }
      Thread.sleep(20);
    }
    assertTrue(
        child.isAlive(),
        "the child finished before it could be killed: "
            + java.nio.file.Files.readString(dir.resolve("child.log")));
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client side
    child.waitFor(30, TimeUnit.SECONDS);
    assertEquals(
        "running", Sql.column(ds, "SELECT state FROM job").get(0), "the dead job is left running");
    long committed = Sql.count(ds, "SELECT processed FROM job");
    assertTrue(committed < ROWS, "killed half-way: " + committed);

    ImportSummary resumed = null;
    for (int attempt = 0; attempt < 50 && resumed == null; attempt++) {
      try {
        resumed =
            service(ds, TestModel.model())
                .run(request(), ImportListener.NONE, CancellationToken.NONE);
      } catch (IllegalStateException e) {
        Thread.sleep(100); // the server has not noticed the dead session yet
      }
    }
    assertTrue(resumed != null && resumed.resumed());
    assertCompletedExactlyOnce(ds, resumed);
    assertEquals(2, Sql.count(ds, "SELECT attempts FROM job"));
  }
}
