package org.mnemosyne.db.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.mnemosyne.db.embedding.DatabaseVectorSource;
import org.mnemosyne.db.jdbc.Transactor;
import org.mnemosyne.db.job.JobState;
import org.mnemosyne.db.testing.SampleFixture;
import org.mnemosyne.db.testing.Sql;
import org.mnemosyne.db.testing.TestDatabase;
import org.mnemosyne.db.testing.TestModel;

/** A collection is re-embedded with another model version as a job, beside the old vectors. */
class ReembedTest {
  @TempDir Path dir;

  /** The real model under another version, as after an upgrade of the weights. */
  static final class NextVersion implements EmbeddingModel {
    private final EmbeddingModel d = TestModel.model();

    @Override
    public ModelInfo info() {
      ModelInfo i = d.info();
      return new ModelInfo(
          i.id(),
          "next",
          i.dimension(),
          i.inputWidth(),
          i.inputHeight(),
          i.featureMaps(),
          i.engine(),
          i.device());
    }

    @Override
    public List<Embedding> embed(List<RgbImage> images) {
      return d.embed(images).stream()
          .map(e -> new Embedding(e.modelId(), "next", e.vector()))
          .toList();
    }

    @Override
    public List<FeatureMap> featureMaps(List<RgbImage> images) {
      return d.featureMaps(images);
    }

    @Override
    public void close() {}
  }

  @Test
  void anotherModelVersionGetsItsOwnVectorsOnceWithoutTheSource() throws Exception {
    List<List<String>> rows = SampleFixture.copy("clipart", 40, dir);
    DataSource ds = TestDatabase.fresh();
    ImportRequest request =
        ImportRequest.builder(new Slug("t"), new Slug("c"), new ImportSource(dir.toUri(), Map.of()))
            .build();
    new ImportService(ds, TestModel.registry(), TestModel.model(), ImportSettings.defaults())
        .run(request, ImportListener.NONE, CancellationToken.NONE);
    Files.delete(dir.resolve(rows.get(40).get(1))); // one image is gone since the import
    Files.delete(dir.resolve("metadata.csv")); // and the source is not needed

    ImportService next =
        new ImportService(ds, TestModel.registry(), new NextVersion(), ImportSettings.defaults());
    CancellationSource stop = new CancellationSource();
    ImportSummary cancelled = next.reembed(new Slug("c"), p -> stop.cancel(), stop);
    assertEquals(JobState.CANCELLED, cancelled.state());
    assertEquals(32, cancelled.counts().processed());

    ImportSummary s = next.reembed(new Slug("c"), ImportListener.NONE, CancellationToken.NONE);
    assertEquals(JobState.SUCCEEDED, s.state(), s.error().orElse(""));
    assertEquals(cancelled.jobId(), s.jobId(), "the re-embedding job resumed");
    assertEquals(39, s.counts().embedded());
    assertEquals(1, s.counts().rejected());
    assertEquals("missing-image", s.problems().get(0).code());
    assertEquals(40, Sql.count(ds, "SELECT count(*) FROM embedding WHERE model_version <> 'next'"));
    assertEquals(39, Sql.count(ds, "SELECT count(*) FROM embedding WHERE model_version = 'next'"));
    assertEquals(
        0,
        Sql.count(
            ds,
            "SELECT count(*) FROM embedding a JOIN embedding b ON a.item_id = b.item_id"
                + " AND a.model_version <> b.model_version WHERE a.vector <> b.vector"),
        "same weights, same vectors");
    DatabaseVectorSource v =
        new DatabaseVectorSource(new Transactor(ds), TestModel.model().info().id(), "next");
    assertEquals(39, v.count());

    ImportSummary again = next.reembed(new Slug("c"), ImportListener.NONE, CancellationToken.NONE);
    assertEquals(0, again.embeddedThisAttempt());
    assertTrue(again.counts().unchanged() >= 39, again.counts().toString());
  }
}
