package org.mnemosyne.db.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.importer.ImageReference;
import org.mnemosyne.api.importer.ImportRecord;

/** Records are validated, cleaned and given facets before they are stored. */
class RecordNormalizerTest {
  private final RecordNormalizer normalizer =
      new RecordNormalizer(Optional.of(Path.of("/data/coll")));

  private static ImportRecord record(String title, Map<String, String> extra) {
    return new ImportRecord(
        " id-1 ",
        title,
        List.of("A", "A", " B "),
        "c. 1650",
        1650,
        1660,
        "French",
        List.of("Oil on canvas"),
        "painting",
        "javascript:alert(1)",
        "CC0-1.0 (public domain)",
        null,
        "https://museum.example/1",
        new ImageReference(ImageReference.Kind.FILE, "images/x.jpg"),
        extra);
  }

  @Test
  void fieldsAreCleanedAndFacetsDerivedOrTakenFromTheRecord() throws Exception {
    RecordNormalizer.Normalized n =
        normalizer.normalize(
            record(
                "Title",
                Map.of(
                    "facet.medium", "oil; tempera ;oil",
                    "facet.subject", " Still   Life ",
                    "facet.year", "1700",
                    "width", "640")));
    var d = n.draft();
    assertEquals("id-1", d.sourceId());
    assertEquals(List.of("A", "B"), d.makers());
    assertEquals("/data/coll/images/x.jpg", d.imageLocation());
    assertNull(d.rightsUri(), "a javascript: link is dropped");
    assertEquals(List.of("oil", "tempera"), d.facets().get("medium"));
    assertEquals(List.of("Still Life"), d.facets().get("subject"));
    assertEquals(List.of("French"), d.facets().get("culture"));
    assertEquals(List.of("painting"), d.facets().get("classification"));
    assertEquals(List.of("CC0-1.0"), d.facets().get("licence"));
    assertTrue(!d.facets().containsKey("year"), "year is computed, never set");
    assertEquals(Map.of("width", "640"), d.metadata());
    assertEquals(
        List.of("bad-url", "reserved-facet"),
        n.warnings().stream().map(RecordNormalizer.Warning::code).sorted().toList());
  }

  @Test
  void anOverlongTitleIsRefusedCheaply() {
    RowRejectedException e =
        assertThrows(
            RowRejectedException.class,
            () -> normalizer.normalize(record("x".repeat(10 * 1024 * 1024), Map.of())));
    assertEquals("too-long", e.code());
    assertTrue(e.getMessage().contains("title has 10485760 characters"), e.getMessage());
  }

  @Test
  void aYearOutOfRangeIsRefused() {
    ImportRecord r =
        new ImportRecord(
            "x",
            null,
            null,
            null,
            99999,
            99999,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new ImageReference(ImageReference.Kind.URL, "https://e.org/a.jpg"),
            Map.of());
    assertEquals(
        "bad-year", assertThrows(RowRejectedException.class, () -> normalizer.normalize(r)).code());
  }

  @Test
  void aNonHttpImageUrlAndARelativePathInARemoteSourceAreRefused() {
    ImportRecord ftp =
        new ImportRecord(
            "x",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new ImageReference(ImageReference.Kind.URL, "file:///etc/passwd"),
            Map.of());
    assertEquals(
        "bad-image-location",
        assertThrows(RowRejectedException.class, () -> normalizer.normalize(ftp)).code());
    ImportRecord relative =
        new ImportRecord(
            "x",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new ImageReference(ImageReference.Kind.FILE, "a.jpg"),
            Map.of());
    assertEquals(
        "bad-image-location",
        assertThrows(
                RowRejectedException.class,
                () -> new RecordNormalizer(Optional.empty()).normalize(relative))
            .code());
  }

  @Test
  void theRecordHashChangesWithAnyFieldAndOnlyThen() throws Exception {
    var a = normalizer.normalize(record("Title", Map.of("k", "v"))).draft();
    var same = normalizer.normalize(record("Title", Map.of("k", "v"))).draft();
    var otherTitle = normalizer.normalize(record("Title!", Map.of("k", "v"))).draft();
    var otherMeta = normalizer.normalize(record("Title", Map.of("k", "w"))).draft();
    var movedMeta = normalizer.normalize(record("Title", Map.of("kv", ""))).draft();
    assertEquals(a.recordHash(), same.recordHash());
    assertTrue(!a.recordHash().equals(otherTitle.recordHash()));
    assertTrue(!a.recordHash().equals(otherMeta.recordHash()));
    assertTrue(!a.recordHash().equals(movedMeta.recordHash()));
  }

  @Test
  void licenceNamesAreTheTextBeforeTheExplanation() {
    assertEquals(
        "CC0-1.0", RecordNormalizer.licenceName("CC0-1.0 (AIC Open Access, public domain)"));
    assertEquals(
        "Public domain", RecordNormalizer.licenceName("Public domain: \"creative commons\""));
    assertEquals("GPL-2+", RecordNormalizer.licenceName("GPL-2+"));
  }
}
