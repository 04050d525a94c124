package org.mnemosyne.db.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.db.catalog.Slug;
import org.mnemosyne.db.job.JobState;
import org.mnemosyne.db.testing.Sql;
import org.mnemosyne.db.testing.TestDatabase;
import org.mnemosyne.db.testing.TestModel;

/**
 * A IIIF Presentation 3 collection served on 127.0.0.1 — a level-1 image service, a level-0 one
 * that only serves the full size, a plain image URL and a missing image — imports end to end.
 */
class IiifImportTest {
  private HttpServer server;
  private ExecutorService executor;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Integer> requests = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          requests.merge(path, 1, Integer::sum);
          byte[] body = files.get(path);
          if (body == null) {
            ex.sendResponseHeaders(path.contains("!512,512") ? 400 : 404, -1);
            ex.close();
            return;
          }
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    byte[] cat =
        Files.readAllBytes(
            TestModel.DATA.resolve("clipart/images/ocal-animals-armadillo-architetto-fra-01.jpg"));
    byte[] owl = Files.readAllBytes(TestModel.DATA.resolve("testimages/owl.jpg"));
    byte[] cup = Files.readAllBytes(TestModel.DATA.resolve("testimages/hot_dog.jpg"));
    files.put("/img/one/full/!512,512/0/default.jpg", cat);
    files.put("/img0/two/full/full/0/default.jpg", owl);
    files.put("/plain/three.jpg", cup);
    document("/collection.json", collection(base));
    document(
        "/m1.json",
        manifest(
                base,
                "m1",
                "Armadillo",
                image(
                    base + "/img/one/full/full/0/default.jpg", base + "/img/one", "ImageService3"))
            // the full image is larger than any derivative the service sends
            .replace(
                "\"type\": \"Canvas\"", "\"type\": \"Canvas\", \"width\": 4000, \"height\": 3000"));
    document(
        "/m2.json",
        manifest(
            base,
            "m2",
            "Owl",
            image(
                base + "/img0/two/full/full/0/default.jpg",
                base + "/img0/two/info.json",
                "ImageService2")));
    document(
        "/m3.json",
        manifest(
            base,
            "m3",
            "Hot dog",
            "{\"id\": \"" + base + "/plain/three.jpg\", \"type\": \"Image\"}"));
    document(
        "/m4.json",
        manifest(
            base, "m4", "Lost", "{\"id\": \"" + base + "/plain/lost.jpg\", \"type\": \"Image\"}"));
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void document(String path, String json) {
    files.put(path, json.getBytes(StandardCharsets.UTF_8));
  }

  private static String collection(String base) {
    StringBuilder items = new StringBuilder();
    for (String m : List.of("m1", "m2", "m3", "m4")) {
      items
          .append(items.length() == 0 ? "" : ",")
          .append("{\"id\": \"")
          .append(base)
          .append('/')
          .append(m)
          .append(".json\", \"type\": \"Manifest\"}");
    }
    return "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\", \"id\": \""
        + base
        + "/collection.json\", \"type\": \"Collection\", \"label\": {\"en\": [\"Test\"]}, \"items\": ["
        + items
        + "]}";
  }

  private static String image(String id, String service, String type) {
    return "{\"id\": \""
        + id
        + "\", \"type\": \"Image\", \"service\": [{\"id\": \""
        + service
        + "\", \"type\": \""
        + type
        + "\"}]}";
  }

  private static String manifest(String base, String name, String label, String body) {
    return "{\"@context\": \"http://iiif.io/api/presentation/3/context.json\","
        + " \"id\": \""
        + base
        + "/"
        + name
        + ".json\", \"type\": \"Manifest\","
        + " \"label\": {\"en\": [\""
        + label
        + "\"]},"
        + " \"metadata\": [{\"label\": {\"en\": [\"Culture\"]}, \"value\": {\"en\": [\"Testish\"]}}],"
        + " \"rights\": \"http://creativecommons.org/publicdomain/zero/1.0/\","
        + " \"items\": [{\"id\": \""
        + base
        + "/"
        + name
        + "/c1\", \"type\": \"Canvas\", \"items\": ["
        + "{\"type\": \"AnnotationPage\", \"items\": [{\"type\": \"Annotation\", \"motivation\": \"painting\","
        + " \"body\": "
        + body
        + "}]}]}]}";
  }

  /** An import of the test server's IIIF collection as {@code remote/iiif-test}. */
  private ImportRequest collectionRequest() {
    URI source =
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/collection.json");
    return ImportRequest.builder(
            new Slug("remote"), new Slug("iiif-test"), new ImportSource(source, Map.of()))
        .build();
  }

  @Test
  void aIiifCollectionImportsThroughImageServicesAndReImportsAsANoOp() {
    DataSource ds = TestDatabase.fresh();
    ImportService service =
        new ImportService(ds, TestModel.registry(), TestModel.model(), ImportSettings.defaults());
    ImportRequest request = collectionRequest();
    ImportSummary s = service.run(request, ImportListener.NONE, CancellationToken.NONE);
    assertEquals(JobState.SUCCEEDED, s.state(), s.error().orElse(""));
    assertEquals(3, s.counts().created(), s.problems().toString());
    assertEquals(3, s.counts().embedded());
    assertEquals(1, s.counts().rejected());
    assertEquals("image-fetch-failed", s.problems().get(0).code());
    assertTrue(s.problems().get(0).message().contains("HTTP 404"), s.problems().get(0).message());
    assertEquals(
        List.of("iiif", "iiif", "url"),
        Sql.column(ds, "SELECT image_kind FROM item ORDER BY source_id"));
    assertEquals(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/img0/two",
        Sql.column(ds, "SELECT image_location FROM item WHERE title = 'Owl'").get(0));
    assertEquals(3, Sql.count(ds, "SELECT count(*) FROM embedding"));
    assertEquals(
        3, Sql.count(ds, "SELECT count(*) FROM item WHERE culture = 'Testish' AND width > 0"));
    assertEquals(1, requests.get("/img0/two/full/!512,512/0/default.jpg"), "level 0: asked once");
    assertEquals(1, requests.get("/img0/two/full/full/0/default.jpg"), "then the full size");

    ImportSummary again = service.run(request, ImportListener.NONE, CancellationToken.NONE);
    assertEquals(new ImportCounts(4, 0, 0, 3, 0, 1, 0, 0), again.counts());
    assertEquals(
        List.of("4000x3000"),
        Sql.column(ds, "SELECT width || 'x' || height FROM item WHERE title = 'Armadillo'"),
        "the canvas's declared size, not the derivative's");
  }

  @Test
  void reEmbeddingAChangedIiifImageKeepsTheDeclaredFullSize() throws Exception {
    DataSource ds = TestDatabase.fresh();
    ImportRequest request = collectionRequest();
    new ImportService(ds, TestModel.registry(), TestModel.model(), ImportSettings.defaults())
        .run(request, ImportListener.NONE, CancellationToken.NONE);
    String hash = "SELECT content_hash FROM item WHERE title = 'Armadillo'";
    String before = Sql.column(ds, hash).get(0);
    // the institution replaced the image behind the service since the import
    files.put(
        "/img/one/full/!512,512/0/default.jpg", files.get("/img0/two/full/full/0/default.jpg"));

    ImportSummary s =
        new ImportService(
                ds, TestModel.registry(), new ReembedTest.NextVersion(), ImportSettings.defaults())
            .reembed(new Slug("iiif-test"), ImportListener.NONE, CancellationToken.NONE);
    assertEquals(JobState.SUCCEEDED, s.state(), s.error().orElse(""));
    assertTrue(!before.equals(Sql.column(ds, hash).get(0)), "the new image's hash is stored");
    assertEquals(
        List.of("4000x3000"),
        Sql.column(ds, "SELECT width || 'x' || height FROM item WHERE title = 'Armadillo'"),
        "a service's derivative never replaces the declared full size");
  }
}
