package org.mnemosyne.importers.iiif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.importer.ImageReference;
import org.mnemosyne.api.importer.ImportRecord;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.importers.CollectingSink;

/** IIIF Presentation 2 and 3 manifests and collections served by a local HTTP server. */
class IiifImporterTest {
  static IiifFixtures server;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    server = new IiifFixtures();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static CollectingSink read(String path, Map<String, String> options) throws IOException {
    return read(URI.create(server.base() + path), options);
  }

  static CollectingSink read(URI uri, Map<String, String> options) throws IOException {
    CollectingSink sink = new CollectingSink();
    new IiifImporter()
        .read(
            new ImportSource(uri, options),
            sink,
            (d, t, m) -> assertTrue(d <= t),
            CancellationToken.NONE);
    return sink;
  }

  @Test
  void aVersion2CollectionIsFollowedIntoNestedVersion3CollectionsOnceEach() throws IOException {
    CollectingSink sink = read("/iiif/top.json", Map.of());
    String b = server.base();
    assertEquals(
        List.of(b + "/iiif/m2a.json", b + "/iiif/m2b.json", b + "/iiif/m3.json"),
        sink.records.stream().map(ImportRecord::sourceId).toList());
    assertEquals(1, sink.rejections.size(), sink.rejections.toString());
    assertTrue(sink.rejections.get(0).startsWith(b + "/iiif/missing.json: "));
    assertTrue(sink.rejections.get(0).contains("HTTP 404"));
  }

  @Test
  void version2ManifestFieldsAreRead() throws IOException {
    ImportRecord swan = read("/iiif/m2a.json", Map.of()).records.get(0);
    assertEquals("The Swan", swan.title());
    assertEquals(List.of("Jean Dupont & Workshop"), swan.makers());
    assertEquals("c. 1650", swan.dateText());
    assertEquals(1650, swan.yearFrom());
    assertEquals("French", swan.culture());
    assertEquals(List.of("Oil on canvas"), swan.media());
    assertEquals("Courtesy of the Test Museum", swan.creditLine());
    assertEquals("https://creativecommons.org/publicdomain/zero/1.0/", swan.rightsUri());
    assertEquals("https://museum.example/objects/1", swan.pageUrl());
    assertEquals(
        new ImageReference(ImageReference.Kind.IIIF, server.base() + "/iiif/img/swan"),
        swan.image());
    assertEquals("INV-1", swan.extra().get("Inventory"));
    assertArrayEquals(
        new int[] {640, 480}, swan.declaredImageSize().orElseThrow(), "the canvas's size");
    ImportRecord cup = read("/iiif/m2b.json", Map.of()).records.get(0);
    assertEquals(1701, cup.yearFrom());
    assertTrue(cup.declaredImageSize().isEmpty(), "a canvas without a size declares none");
    assertEquals(
        new ImageReference(ImageReference.Kind.URL, server.base() + "/images/cup.jpg"),
        cup.image());
  }

  @Test
  void version3ManifestFieldsAreReadAndAChoiceGivesItsFirstImage() throws IOException {
    ImportRecord h = read("/iiif/m3.json", Map.of()).records.get(0);
    assertEquals("Harbour at dusk", h.title());
    assertEquals(List.of("A. Painter"), h.makers());
    assertEquals("painting", h.classification());
    assertEquals(1888, h.yearFrom());
    assertEquals("Test Museum, gift of B.", h.creditLine());
    assertEquals("http://creativecommons.org/licenses/by/4.0/", h.rightsUri());
    assertEquals("https://museum.example/objects/3", h.pageUrl());
    assertEquals("A quiet harbour", h.extra().get("summary"));
    assertEquals(
        new ImageReference(ImageReference.Kind.IIIF, server.base() + "/iiif/img0/harbour"),
        h.image());
  }

  @Test
  void everyCanvasBecomesARecordWhenAsked() throws IOException {
    CollectingSink sink = read("/iiif/m3.json", Map.of("canvases", "all"));
    assertEquals(2, sink.records.size());
    assertEquals(server.base() + "/iiif/m3/canvas/2", sink.records.get(1).sourceId());
    assertEquals("Harbour at dusk \u2014 verso", sink.records.get(1).title());
    assertEquals(ImageReference.Kind.URL, sink.records.get(1).image().kind());
  }

  @Test
  void nestingDeeperThanTheLimitIsNotFollowed() throws IOException {
    CollectingSink sink = read("/iiif/deep0.json", Map.of("max-depth", "2"));
    assertEquals(1, sink.records.size(), "m2b once, however often it is listed");
    assertEquals(1, sink.rejections.size(), sink.rejections.toString());
    assertTrue(
        sink.rejections.get(0).contains("deep2.json: collection nested deeper than max-depth 2"));
  }

  @Test
  void theManifestCountSizeAndTimeAreBounded() throws IOException {
    CollectingSink few = read("/iiif/top.json", Map.of("max-manifests", "1"));
    assertEquals(1, few.records.size());
    assertTrue(few.rejections.stream().anyMatch(r -> r.contains("more than max-manifests 1")));

    IOException tooBig =
        assertThrows(IOException.class, () -> read("/iiif/m2a.json", Map.of("max-bytes", "100")));
    assertTrue(tooBig.getMessage().contains("larger than the limit of 100"), tooBig.getMessage());

    server.document(
        "/iiif/slowtop.json",
        "{\"id\": \"BASE/iiif/slowtop.json\", \"type\": \"Collection\", \"items\": ["
            + "{\"id\": \"BASE/iiif/slow.json\", \"type\": \"Manifest\"},"
            + "{\"id\": \"BASE/iiif/m2b.json\", \"type\": \"Manifest\"}]}");
    server.document("/iiif/slow.json", "{}");
    long start = System.nanoTime();
    CollectingSink slow = read("/iiif/slowtop.json", Map.of("timeout-seconds", "1"));
    assertTrue(System.nanoTime() - start < 2_900_000_000L, "the slow document was not waited for");
    assertEquals(1, slow.records.size());
    assertTrue(slow.rejections.get(0).contains("slow.json"), slow.rejections.toString());
  }

  @Test
  void anUnreadableStartIsAnErrorButABrokenMemberIsARejection() throws IOException {
    IOException e = assertThrows(IOException.class, () -> read("/iiif/broken.json", Map.of()));
    assertTrue(e.getMessage().contains("invalid JSON"), e.getMessage());
    server.document(
        "/iiif/withbroken.json",
        "{\"id\": \"BASE/iiif/withbroken.json\", \"type\": \"Collection\", \"items\": ["
            + "{\"id\": \"BASE/iiif/broken.json\", \"type\": \"Manifest\"},"
            + "{\"id\": \"BASE/iiif/m2b.json\", \"type\": \"Manifest\"}]}");
    CollectingSink sink = read("/iiif/withbroken.json", Map.of());
    assertEquals(1, sink.records.size());
    assertTrue(
        sink.rejections.get(0).contains("invalid JSON at offset"), sink.rejections.toString());
  }

  @Test
  void aLocalManifestIsReadButLocalFilesOutsideItsFolderAreNot() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("secret.json"), "{\"type\": \"Manifest\", \"items\": []}");
    Files.writeString(
        sub.resolve("collection.json"),
        "{\"id\": \"collection.json\", \"type\": \"Collection\", \"items\": ["
            + "{\"id\": \"../secret.json\", \"type\": \"Manifest\"},"
            + "{\"id\": \""
            + server.base()
            + "/iiif/m2b.json\", \"type\": \"Manifest\"}]}");
    CollectingSink sink = read(sub.resolve("collection.json").toUri(), Map.of());
    assertEquals(1, sink.records.size());
    assertTrue(sink.rejections.get(0).contains("outside the folder"), sink.rejections.toString());
    IiifImporterProvider p = new IiifImporterProvider();
    assertTrue(p.accepts(new ImportSource(sub.resolve("collection.json").toUri(), Map.of())));
    assertTrue(p.accepts(new ImportSource(URI.create("https://example.org/iiif/1"), Map.of())));
    assertFalse(p.accepts(new ImportSource(dir.toUri(), Map.of())));
  }
}
