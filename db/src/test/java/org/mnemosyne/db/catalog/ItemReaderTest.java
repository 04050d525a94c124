package org.mnemosyne.db.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.importer.ImageReference;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.db.embedding.DatabaseVectorSource;
import org.mnemosyne.db.ingest.ImportListener;
import org.mnemosyne.db.ingest.ImportRequest;
import org.mnemosyne.db.ingest.ImportService;
import org.mnemosyne.db.ingest.ImportSettings;
import org.mnemosyne.db.jdbc.Transactor;
import org.mnemosyne.db.testing.SampleFixture;
import org.mnemosyne.db.testing.Sql;
import org.mnemosyne.db.testing.TestDatabase;
import org.mnemosyne.db.testing.TestModel;

/** Items read back for display, their vectors, and the fingerprint that tells an index is stale. */
class ItemReaderTest {
  @TempDir Path dir;

  @Test
  void itemsReadBackAsImportedAndTheFingerprintFollowsEveryChange() throws Exception {
    List<List<String>> rows = SampleFixture.copy("art", 12, dir);
    DataSource ds = TestDatabase.fresh();
    EmbeddingModel model = TestModel.model();
    ImportService service =
        new ImportService(ds, TestModel.registry(), model, ImportSettings.defaults());
    service.run(
        ImportRequest.builder(
                new Slug("aic"), new Slug("art"), new ImportSource(dir.toUri(), Map.of()))
            .institutionName("Art Institute")
            .build(),
        ImportListener.NONE,
        CancellationToken.NONE);
    Transactor tx = new Transactor(ds);
    ItemReader reader = new ItemReader(tx);
    DatabaseVectorSource source =
        new DatabaseVectorSource(tx, model.info().id(), model.info().version());
    String before = source.fingerprint();
    assertEquals(before, source.fingerprint(), "stable while nothing changes");
    Map<Long, org.mnemosyne.api.index.ItemFacets> scanned = new java.util.LinkedHashMap<>();
    source.scan(item -> scanned.put(item.id(), item.facets()));
    Map<Long, org.mnemosyne.api.index.ItemFacets> facetsOnly = new java.util.LinkedHashMap<>();
    source.scanFacets(facetsOnly::put);
    assertTrue(scanned.size() > 5 && scanned.size() == source.count(), "" + scanned.size());
    assertEquals(
        List.copyOf(scanned.entrySet()),
        List.copyOf(facetsOnly.entrySet()),
        "the facet scan delivers the vector scan's items and facets, in the same order");

    List<Long> ids =
        Sql.column(ds, "SELECT id FROM item ORDER BY id DESC").stream().map(Long::valueOf).toList();
    Map<Long, ItemRecord> found = reader.findAll(ids);
    assertEquals(ids, List.copyOf(found.keySet()), "in the order asked");
    String firstSourceId = rows.get(1).get(rows.get(0).indexOf("id"));
    ItemRecord r =
        found.values().stream().filter(x -> x.sourceId().equals(firstSourceId)).findFirst().get();
    assertEquals("art", r.collectionSlug());
    assertEquals("Art Institute", r.institutionName());
    assertEquals(rows.get(1).get(rows.get(0).indexOf("title")), r.title());
    assertEquals(ImageReference.Kind.FILE, r.image().kind());
    assertTrue(r.active());
    assertTrue(r.altText().startsWith(r.title().isBlank() ? "Untitled" : r.title()));
    assertEquals(64, r.contentHash().length());
    assertTrue(reader.find(-5).isEmpty());
    assertEquals(
        1280,
        reader.vector(r.id(), model.info().id(), model.info().version()).orElseThrow().dimension());
    assertTrue(reader.vector(r.id(), "other-model", "1").isEmpty());
    Map<Long, float[]> vectors = reader.vectors(ids, model.info().id(), model.info().version());
    assertEquals(ids.size(), vectors.size());
    assertTrue(
        java.util.Arrays.equals(
            vectors.get(r.id()),
            reader.vector(r.id(), model.info().id(), model.info().version()).get().vector()));

    new CatalogRepository(tx)
        .withdrawItem(
            new CatalogRepository(tx).findCollection(new Slug("art")).orElseThrow().id(),
            firstSourceId,
            "takedown");
    String afterWithdraw = source.fingerprint();
    assertNotEquals(before, afterWithdraw, "a withdrawal changes the fingerprint");
    assertFalse(reader.find(r.id()).orElseThrow().active(), "withdrawn items read as inactive");
    Sql.update(ds, "UPDATE embedding SET created_at = now() WHERE item_id = ?", ids.get(0));
    assertNotEquals(afterWithdraw, source.fingerprint(), "a re-embedding changes it");
  }
}
