package org.mnemosyne.db.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.db.catalog.Slug;
import org.mnemosyne.db.embedding.DatabaseVectorSource;
import org.mnemosyne.db.jdbc.Transactor;
import org.mnemosyne.db.job.JobLease;
import org.mnemosyne.db.job.JobProblem;
import org.mnemosyne.db.job.JobState;
import org.mnemosyne.db.job.Severity;
import org.mnemosyne.db.testing.SampleFixture;
import org.mnemosyne.db.testing.Sql;
import org.mnemosyne.db.testing.TestDatabase;
import org.mnemosyne.db.testing.TestModel;

/** Imports against a real PostgreSQL with the real model: end to end, idempotence, bad rows. */
class ImportServiceTest {
  @TempDir Path dir;

  static ImportService service(DataSource ds) {
    return new ImportService(
        ds, TestModel.registry(), TestModel.model(), ImportSettings.defaults());
  }

  static ImportRequest request(Path source, String collection) {
    return request(source, collection, false);
  }

  static ImportRequest request(Path source, String collection, boolean withdraw) {
    return ImportRequest.builder(
            new Slug("test"), new Slug(collection), new ImportSource(source.toUri(), Map.of()))
        .institutionName("Test museum")
        .withdrawMissing(withdraw)
        .build();
  }

  @Test
  void theClipartSampleImportsEndToEndAndIsIndexableFromTheDatabase() {
    DataSource ds = TestDatabase.fresh();
    ImportService service = service(ds);
    ImportSummary s =
        service.run(
            request(TestModel.DATA.resolve("clipart"), "clipart"),
            ImportListener.NONE,
            CancellationToken.NONE);
    assertEquals(JobState.SUCCEEDED, s.state(), s.error().orElse(""));
    assertEquals(289, s.counts().created());
    assertEquals(289, s.counts().embedded());
    assertEquals(0, s.counts().rejected());
    assertEquals(List.of(), s.problems());
    assertEquals(289, Sql.count(ds, "SELECT count(*) FROM embedding WHERE dimension = 1280"));
    assertEquals(
        "drawing",
        Sql.column(
                ds,
                "SELECT v.label FROM item_facet f JOIN facet_value v ON v.id = f.value_id"
                    + " JOIN item i ON i.id = f.item_id"
                    + " WHERE i.source_id = 'ocal-animals-armadillo-architetto-fra-01'"
                    + " AND v.field = 'medium'")
            .get(0));

    DatabaseVectorSource source =
        new DatabaseVectorSource(
            new Transactor(ds), TestModel.model().info().id(), TestModel.model().info().version());
    assertEquals(289, source.count());
    assertEquals(1280, source.dimension());
    assertTrue(source.schema().field("subject").isPresent());
    List<IndexedItem> scanned = new ArrayList<>();
    source.scan(scanned::add);
    assertEquals(289, scanned.size());
    for (int i = 1; i < scanned.size(); i++) {
      assertTrue(scanned.get(i - 1).id() < scanned.get(i).id(), "ascending ids");
    }
    IndexedItem first = scanned.get(0);
    assertEquals(List.of("clipart"), first.facets().values("collection"));
    assertEquals(List.of("test"), first.facets().values("institution"));
    assertEquals(List.of("drawing"), first.facets().values("medium"));
    assertEquals(1, first.facets().values("subject").size());
    double norm = 0;
    for (float v : first.vector()) {
      norm += v * v;
    }
    assertEquals(1.0, norm, 1e-3);
    System.out.printf(
        "clipart: %d items in %.1f s (%.1f images/s; %s)%n",
        s.counts().created(), s.elapsed().toMillis() / 1e3, s.imagesPerSecond(), s.timings());
  }

  @Test
  void reImportingAnUnchangedSourceChangesNothingAndEmbedsNothing() throws Exception {
    SampleFixture.copy("art", 40, dir);
    DataSource ds = TestDatabase.fresh();
    ImportService service = service(ds);
    ImportSummary first =
        service.run(request(dir, "art"), ImportListener.NONE, CancellationToken.NONE);
    assertEquals(40, first.counts().created());
    List<String> before =
        Sql.column(ds, "SELECT item_id || ':' || created_at FROM embedding ORDER BY item_id");
    List<String> items =
        Sql.column(
            ds, "SELECT id || ':' || updated_at || ':' || record_hash FROM item ORDER BY id");

    ImportSummary second =
        service.run(request(dir, "art"), ImportListener.NONE, CancellationToken.NONE);
    assertEquals(JobState.SUCCEEDED, second.state());
    assertTrue(second.jobId() != first.jobId(), "a finished job is not resumed: a new job runs");
    assertEquals(new ImportCounts(40, 0, 0, 40, 0, 0, 0, 0), second.counts());
    assertEquals(
        before,
        Sql.column(ds, "SELECT item_id || ':' || created_at FROM embedding ORDER BY item_id"));
    assertEquals(
        items,
        Sql.column(
            ds, "SELECT id || ':' || updated_at || ':' || record_hash FROM item ORDER BY id"));
    assertEquals(40, Sql.count(ds, "SELECT count(*) FROM item"));
  }

  @Test
  void aChangedImageIsReEmbeddedAChangedFieldOnlyRewrittenAndAGoneRecordWithdrawn()
      throws Exception {
    List<List<String>> rows = SampleFixture.copy("art", 6, dir);
    DataSource ds = TestDatabase.fresh();
    ImportService service = service(ds);
    service.run(request(dir, "art", true), ImportListener.NONE, CancellationToken.NONE);
    String changedImageId = rows.get(1).get(0);
    String retitledId = rows.get(2).get(0);
    String goneId = rows.get(3).get(0);
    float[] oldVector = vector(ds, changedImageId);

    Files.copy(
        dir.resolve(rows.get(4).get(1)),
        dir.resolve(rows.get(1).get(1)),
        StandardCopyOption.REPLACE_EXISTING);
    List<List<String>> edited = new ArrayList<>(rows);
    List<String> retitled = new ArrayList<>(rows.get(2));
    retitled.set(2, "A new title");
    edited.set(2, retitled);
    edited.remove(3);
    SampleFixture.write(dir.resolve("metadata.csv"), edited);

    ImportSummary s =
        service.run(request(dir, "art", true), ImportListener.NONE, CancellationToken.NONE);
    assertEquals(JobState.SUCCEEDED, s.state(), s.error().orElse(""));
    assertEquals(new ImportCounts(5, 0, 2, 3, 1, 0, 0, 1), s.counts());
    assertEquals(
        "A new title",
        Sql.column(ds, "SELECT title FROM item WHERE source_id = ?", retitledId).get(0));
    assertEquals(
        "withdrawn", Sql.column(ds, "SELECT status FROM item WHERE source_id = ?", goneId).get(0));
    float[] newVector = vector(ds, changedImageId);
    assertFalse(java.util.Arrays.equals(oldVector, newVector), "the changed image was re-embedded");
    assertEquals(
        java.util.Arrays.toString(vector(ds, rows.get(4).get(0))),
        java.util.Arrays.toString(newVector),
        "same bytes, same vector");
    DatabaseVectorSource source =
        new DatabaseVectorSource(
            new Transactor(ds), TestModel.model().info().id(), TestModel.model().info().version());
    assertEquals(5, source.count(), "a withdrawn item leaves the index");

    // The record comes back: the item is active again.
    SampleFixture.write(dir.resolve("metadata.csv"), rows);
    ImportSummary back =
        service.run(request(dir, "art", true), ImportListener.NONE, CancellationToken.NONE);
    assertEquals(new ImportCounts(6, 0, 2, 4, 0, 0, 0, 0), back.counts());
    assertEquals(
        "active", Sql.column(ds, "SELECT status FROM item WHERE source_id = ?", goneId).get(0));
  }

  static float[] vector(DataSource ds, String sourceId) {
    String text =
        Sql.column(
                ds,
                "SELECT e.vector::text FROM embedding e JOIN item i ON i.id = e.item_id WHERE i.source_id = ?",
                sourceId)
            .get(0);
    String[] parts = text.substring(1, text.length() - 1).split(",");
    float[] v = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = Float.parseFloat(parts[i]);
    }
    return v;
  }

  @Test
  void brokenRowsAreReportedOneByOneAndTheGoodRowsImported() throws Exception {
    List<List<String>> rows = SampleFixture.copy("photos", 6, dir);
    Files.write(
        dir.resolve("images/garbage.jpg"), "not a jpeg at all".getBytes(StandardCharsets.UTF_8));
    List<List<String>> broken = new ArrayList<>(rows);
    broken.add(withRow(rows.get(1), "missing-file", "images/nope.jpg", "Missing", ""));
    broken.add(withRow(rows.get(1), "unreadable", "images/garbage.jpg", "Garbage", ""));
    broken.add(withRow(rows.get(1), "bad-year", rows.get(2).get(1), "Bad year", "sometime"));
    broken.add(withRow(rows.get(1), rows.get(3).get(0), rows.get(3).get(1), "Duplicate", ""));
    broken.add(
        withRow(rows.get(1), "huge-title", rows.get(4).get(1), "x".repeat(10 * 1024 * 1024), ""));
    broken.add(
        withRow(
            rows.get(1),
            "script",
            rows.get(5).get(1),
            "Sunset<script>alert('x')</script> <b>over</b> the lake",
            ""));
    SampleFixture.write(dir.resolve("metadata.csv"), broken);

    DataSource ds = TestDatabase.fresh();
    ImportSummary s =
        service(ds).run(request(dir, "photos"), ImportListener.NONE, CancellationToken.NONE);
    assertEquals(JobState.SUCCEEDED, s.state(), s.error().orElse(""));
    assertEquals(12, s.counts().processed());
    assertEquals(7, s.counts().created(), s.problems().toString());
    assertEquals(5, s.counts().rejected(), s.problems().toString());
    Map<String, String> errors =
        s.problems().stream()
            .filter(p -> p.severity() == Severity.ERROR)
            .collect(Collectors.toMap(JobProblem::location, JobProblem::code));
    assertEquals(
        Map.of(
            "metadata.csv line 8", "missing-image",
            "metadata.csv line 9", "unreadable-image",
            "metadata.csv line 10", "invalid-row",
            "metadata.csv line 11", "duplicate-id",
            "metadata.csv line 12", "invalid-row"),
        errors);
    JobProblem bad =
        s.problems().stream()
            .filter(p -> p.location().endsWith("line 10"))
            .findFirst()
            .orElseThrow();
    assertTrue(bad.message().contains("sometime"), bad.message());
    JobProblem huge =
        s.problems().stream()
            .filter(p -> p.location().endsWith("line 12"))
            .findFirst()
            .orElseThrow();
    assertTrue(huge.message().contains("characters"), huge.message());
    JobProblem dup =
        s.problems().stream()
            .filter(p -> p.code().equals("duplicate-id"))
            .findFirst()
            .orElseThrow();
    assertTrue(dup.message().contains("line 4"), dup.message());
    JobProblem markup =
        s.problems().stream()
            .filter(p -> p.severity() == Severity.WARNING)
            .findFirst()
            .orElseThrow();
    assertEquals("markup-removed", markup.code());
    assertEquals("metadata.csv line 13", markup.location());
    assertEquals(
        "Sunset over the lake",
        Sql.column(ds, "SELECT title FROM item WHERE source_id = 'script'").get(0));
    assertEquals(
        0,
        Sql.count(ds, "SELECT count(*) FROM item WHERE title LIKE '%<%' OR title LIKE '%script%'"));
    assertEquals(5, Sql.count(ds, "SELECT count(*) FROM job_error WHERE severity = 'error'"));
  }

  private static List<String> withRow(
      List<String> template, String id, String file, String title, String year) {
    List<String> r = new ArrayList<>(template);
    r.set(0, id);
    r.set(1, file);
    r.set(2, title);
    r.set(8, year);
    return r;
  }

  @Test
  void aSecondImportIntoACollectionThatIsBeingImportedIsRefused() throws Exception {
    SampleFixture.copy("clipart", 2, dir);
    DataSource ds = TestDatabase.fresh();
    ImportService service = service(ds);
    service.run(request(dir, "c"), ImportListener.NONE, CancellationToken.NONE);
    long collectionId = service.catalog().findCollection(new Slug("c")).orElseThrow().id();
    try (JobLease held =
        JobLease.tryAcquire(ds, ImportService.subject(collectionId)).orElseThrow()) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> service.run(request(dir, "c"), ImportListener.NONE, CancellationToken.NONE));
      assertTrue(e.getMessage().contains("'c'"), e.getMessage());
      assertEquals(ImportService.subject(collectionId), held.subject());
    }
  }

  @Test
  void aCollectionSlugOfAnotherInstitutionIsRefused() throws Exception {
    SampleFixture.copy("clipart", 1, dir);
    DataSource ds = TestDatabase.fresh();
    ImportService service = service(ds);
    service.run(request(dir, "shared"), ImportListener.NONE, CancellationToken.NONE);
    ImportRequest other =
        ImportRequest.builder(
                new Slug("other"), new Slug("shared"), new ImportSource(dir.toUri(), Map.of()))
            .build();
    assertThrows(
        IllegalArgumentException.class,
        () -> service.run(other, ImportListener.NONE, CancellationToken.NONE));
  }

  @Test
  void facetCountsPerCollectionComeFromTheDictionary() throws Exception {
    SampleFixture.copy("art", 20, dir);
    DataSource ds = TestDatabase.fresh();
    ImportService service = service(ds);
    service.run(request(dir, "art"), ImportListener.NONE, CancellationToken.NONE);
    var counts =
        org.mnemosyne.db.catalog.FacetDictionary.counts(new Transactor(ds), Optional.empty());
    long paintings =
        counts.stream()
            .filter(c -> c.field().equals("classification") && c.label().equals("painting"))
            .mapToLong(c -> c.count())
            .sum();
    assertEquals(20, paintings);
    Set<String> fields = counts.stream().map(c -> c.field()).collect(Collectors.toSet());
    assertTrue(
        fields.containsAll(Set.of("culture", "medium", "period", "licence")), fields.toString());
    assertTrue(
        counts.stream().anyMatch(c -> c.field().equals("licence") && c.label().equals("CC0-1.0")));
  }
}
