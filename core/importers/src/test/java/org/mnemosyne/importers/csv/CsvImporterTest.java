package org.mnemosyne.importers.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.importer.ImageReference;
import org.mnemosyne.api.importer.ImportRecord;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.progress.CancellationSource;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.CancelledException;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.importers.CollectingSink;

/** The sample collections read out of the box; broken rows are reported with their lines. */
class CsvImporterTest {
  static final Path DATA = Path.of(System.getProperty("mnemosyne.shared.dir"), "data");

  @TempDir Path dir;

  private static CollectingSink read(Path location, Map<String, String> options)
      throws IOException {
    CollectingSink sink = new CollectingSink();
    new CsvImporter()
        .read(
            new ImportSource(location.toUri(), options),
            sink,
            ProgressListener.NONE,
            CancellationToken.NONE);
    return sink;
  }

  @Test
  void theArtSampleReadsEveryRowWithMultiLineArtistsAndFacets() throws IOException {
    CollectingSink sink = read(DATA.resolve("art"), Map.of());
    assertEquals(List.of(), sink.rejections);
    assertEquals(267, sink.records.size());
    ImportRecord r = sink.record("aic-22862");
    assertTrue(r.makers().get(0).contains("\nor Workshop"), r.makers().toString());
    ImportRecord first = sink.record("aic-866");
    assertEquals("Helena Tromper Du Bois", first.title());
    assertEquals(1631, first.yearFrom());
    assertEquals("Flemish", first.culture());
    assertEquals(List.of("Oil on canvas"), first.media());
    assertEquals("oil", first.extra().get("facet.medium"));
    assertEquals("renaissance_baroque", first.extra().get("facet.period"));
    assertEquals("https://www.artic.edu/artworks/866", first.pageUrl());
    assertEquals("https://creativecommons.org/publicdomain/zero/1.0/", first.rightsUri());
    assertEquals(ImageReference.Kind.FILE, first.image().kind());
    assertTrue(Files.isRegularFile(Path.of(first.image().location())));
    assertEquals("523", first.extra().get("width")); // unmapped columns are kept
  }

  @Test
  void theLineOfARecordAfterAMultiLineFieldIsItsPhysicalLine() throws IOException {
    CollectingSink sink = read(DATA.resolve("art"), Map.of());
    List<String> lines = Files.readAllLines(DATA.resolve("art/metadata.csv"));
    for (var e : sink.byWhere.entrySet()) {
      int line = Integer.parseInt(e.getKey().substring("metadata.csv line ".length()));
      assertTrue(
          lines.get(line - 1).startsWith(e.getValue().sourceId() + ","),
          e.getKey() + " should start with " + e.getValue().sourceId());
    }
  }

  @Test
  void photosAndClipartJoinTheirSubjects() throws IOException {
    CollectingSink photos = read(DATA.resolve("photos"), Map.of());
    CollectingSink clipart = read(DATA.resolve("clipart"), Map.of());
    assertEquals(283, photos.records.size());
    assertEquals(289, clipart.records.size());
    assertEquals(List.of(), photos.rejections);
    assertEquals(List.of(), clipart.rejections);
    assertTrue(photos.records.stream().allMatch(r -> r.extra().containsKey("facet.subject")));
    ImportRecord armadillo = clipart.record("ocal-animals-armadillo-architetto-fra-01");
    assertEquals("mammal", armadillo.extra().get("facet.subject"));
    assertEquals("animal", armadillo.extra().get("subject_group"));
    assertEquals("drawing", armadillo.extra().get("facet.medium"));
  }

  @Test
  void brokenRowsAreRejectedWithTheirLinesAndTheGoodOnesRead() throws IOException {
    Files.createDirectories(dir.resolve("images"));
    String csv =
        "id,file,title,year\r\n"
            + "good-1,images/a.jpg,\"A \"\"quoted\"\" title\",1650\r\n"
            + ",images/b.jpg,no id,1651\r\n"
            + "bad-year,images/c.jpg,C,sixteen-fifty\r\n"
            + "short-row,images/d.jpg\r\n"
            + "escape,../../etc/passwd,E,1700\r\n"
            + "no-image,,F,1700\r\n"
            + "good-2,https://example.org/x.jpg,\"multi\r\nline\",\r\n";
    Files.writeString(dir.resolve("metadata.csv"), "\uFEFF" + csv, StandardCharsets.UTF_8);
    CollectingSink sink = read(dir, Map.of("mapping", "mnemosyne"));
    assertEquals(
        List.of("good-1", "good-2"), sink.records.stream().map(ImportRecord::sourceId).toList());
    assertEquals("A \"quoted\" title", sink.record("good-1").title());
    assertEquals("multi\nline", sink.record("good-2").title());
    assertEquals(ImageReference.Kind.URL, sink.record("good-2").image().kind());
    assertEquals(5, sink.rejections.size(), sink.rejections.toString());
    assertTrue(sink.rejections.get(0).startsWith("metadata.csv line 3: no id"));
    assertTrue(
        sink.rejections.get(1).startsWith("metadata.csv line 4: 'sixteen-fifty' is not a year"));
    assertTrue(sink.rejections.get(2).startsWith("metadata.csv line 5: has 2 fields"));
    assertTrue(sink.rejections.get(3).contains("leaves the image folder"));
    assertTrue(sink.rejections.get(4).startsWith("metadata.csv line 7: no image"));
  }

  @Test
  void theMetMappingReadsMetColumnNames() throws IOException {
    Files.createDirectories(dir.resolve("img"));
    String csv =
        "Object Number,Is Public Domain,Object ID,Department,Title,Culture,Period,"
            + "Artist Display Name,Object Date,Object Begin Date,Object End Date,Medium,"
            + "Credit Line,Classification,Link Resource,Tags\n"
            + "29.100.5,True,436105,European Paintings,The Harvesters,,,Pieter Bruegel the Elder,"
            + "1565,1565,1565,Oil on wood,\"Rogers Fund, 1919\",Paintings,"
            + "http://www.metmuseum.org/art/collection/search/436105,Wheat|Men|Landscapes\n"
            + "1975.1.1,False,459123,Robert Lehman Collection,Madonna,Italian,,A|B,"
            + "ca. 1450-60,1450,1460,Tempera,Lehman,Paintings,,\n";
    Path file = dir.resolve("MetObjects.csv");
    Files.writeString(file, csv);
    CollectingSink sink = read(file, Map.of("mapping", "met", "images", "img"));
    assertEquals(List.of(), sink.rejections);
    ImportRecord h = sink.record("436105");
    assertEquals("The Harvesters", h.title());
    assertEquals(dir.resolve("img/436105.jpg").toString(), h.image().location());
    assertEquals("https://creativecommons.org/publicdomain/zero/1.0/", h.rightsUri());
    assertEquals("Wheat;Men;Landscapes", h.extra().get("facet.tags"));
    assertEquals("European Paintings", h.extra().get("facet.department"));
    ImportRecord m = sink.record("459123");
    assertEquals(List.of("A", "B"), m.makers());
    assertEquals(1450, m.yearFrom());
    assertEquals(1460, m.yearTo());
    assertEquals(null, m.rightsUri());
  }

  @Test
  void aMappingWhoseIdColumnIsMissingFailsTheWholeSourceNamingTheColumns() throws IOException {
    Files.writeString(dir.resolve("metadata.csv"), "key,file\n1,a.jpg\n");
    IOException e = assertThrows(IOException.class, () -> read(dir, Map.of()));
    assertTrue(
        e.getMessage().contains("'id'") && e.getMessage().contains("[key, file]"), e.getMessage());
  }

  @Test
  void cancellationStopsTheReadBetweenRows() throws IOException {
    CancellationSource cancel = new CancellationSource();
    CollectingSink sink =
        new CollectingSink() {
          @Override
          public void accept(String where, ImportRecord record) {
            super.accept(where, record);
            if (records.size() == 10) {
              cancel.cancel();
            }
          }
        };
    assertThrows(
        CancelledException.class,
        () ->
            new CsvImporter()
                .read(
                    new ImportSource(DATA.resolve("clipart").toUri(), Map.of()),
                    sink,
                    ProgressListener.NONE,
                    cancel));
    assertEquals(10, sink.records.size());
  }

  @Test
  void theProviderAcceptsCsvFilesAndFoldersWithMetadataOnly() throws IOException {
    CsvImporterProvider p = new CsvImporterProvider();
    assertTrue(p.accepts(new ImportSource(DATA.resolve("art").toUri(), Map.of())));
    assertTrue(p.accepts(new ImportSource(DATA.resolve("art/metadata.csv").toUri(), Map.of())));
    assertFalse(p.accepts(new ImportSource(DATA.resolve("art/images").toUri(), Map.of())));
    assertFalse(
        p.accepts(new ImportSource(java.net.URI.create("https://example.org/x.csv"), Map.of())));
  }
}
