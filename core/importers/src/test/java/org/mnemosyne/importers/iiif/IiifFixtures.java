package org.mnemosyne.importers.iiif;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IIIF Presentation 2 and 3 documents written for the tests, served by a local HTTP server on
 * 127.0.0.1: a v2 collection with two v2 manifests, a nested v3 collection with a v3 manifest, a
 * missing member, a cycle, and a document that answers too slowly. Close to stop the server.
 */
public final class IiifFixtures implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, String> documents = new ConcurrentHashMap<>();
  private final Map<String, byte[]> images = new ConcurrentHashMap<>();
  private final java.util.concurrent.ExecutorService executor =
      java.util.concurrent.Executors.newCachedThreadPool();

  /** Starts the server with the standard documents. */
  public IiifFixtures() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          byte[] body;
          String type;
          if (path.equals("/iiif/slow.json")) {
            sleep(3000);
          }
          String doc = documents.get(path);
          byte[] image = imageFor(path);
          if (doc != null) {
            body = doc.getBytes(StandardCharsets.UTF_8);
            type = "application/ld+json";
          } else if (image != null) {
            body = image;
            type = "image/jpeg";
          } else {
            exchange.sendResponseHeaders(path.contains("/full/!") ? 400 : 404, -1);
            exchange.close();
            return;
          }
          exchange.getResponseHeaders().add("Content-Type", type);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(executor); // a slow answer must not hold up the others
    server.start();
    standardDocuments();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The image served for a request path: {@code /iiif/img/<name>/full/<size>/0/default.jpg} (a
   * level-1 service: any size) or {@code /iiif/img0/<name>/full/full/0/default.jpg} (level 0: only
   * the full size), or {@code /images/<name>.jpg} for plain URLs.
   */
  private byte[] imageFor(String path) {
    String[] p = path.split("/");
    if (p.length == 7 && p[1].equals("iiif") && p[2].equals("img") && p[4].equals("full")) {
      return images.get(p[3]);
    }
    if (p.length == 7
        && p[1].equals("iiif")
        && p[2].equals("img0")
        && p[5].equals("0")
        && p[4].equals("full")
        && p[6].equals("default.jpg")
        && !path.contains("!")) {
      return images.get(p[3]);
    }
    if (p.length == 3 && p[1].equals("images")) {
      return images.get(p[2].replace(".jpg", ""));
    }
    return null;
  }

  /** Serves an image under a name. */
  public void image(String name, byte[] jpeg) {
    images.put(name, jpeg);
  }

  /** Serves a document at a path; {@code BASE} in the text becomes the server's base URL. */
  public void document(String path, String json) {
    documents.put(path, json.replace("BASE", base()));
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:34567}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void standardDocuments() {
    document(
        "/iiif/top.json",
        """
        {"@context": "http://iiif.io/api/presentation/2/context.json",
         "@id": "BASE/iiif/top.json", "@type": "sc:Collection", "label": "Top",
         "collections": [{"@id": "BASE/iiif/sub3.json", "@type": "sc:Collection", "label": "v3"}],
         "manifests": [
           {"@id": "BASE/iiif/m2a.json", "@type": "sc:Manifest", "label": "Swan"},
           {"@id": "BASE/iiif/m2b.json", "@type": "sc:Manifest", "label": "Cup"},
           {"@id": "BASE/iiif/missing.json", "@type": "sc:Manifest", "label": "Gone"},
           {"@id": "BASE/iiif/top.json", "@type": "sc:Manifest", "label": "A cycle"},
           {"@id": "BASE/iiif/m2a.json#again", "@type": "sc:Manifest", "label": "Twice"}]}
        """);
    document(
        "/iiif/m2a.json",
        """
        {"@context": "http://iiif.io/api/presentation/2/context.json",
         "@id": "BASE/iiif/m2a.json", "@type": "sc:Manifest",
         "label": [{"@value": "Le Cygne", "@language": "fr"}, {"@value": "The Swan", "@language": "en"}],
         "metadata": [
           {"label": "Artist", "value": "Jean <b>Dupont</b> &amp; Workshop"},
           {"label": "Date", "value": "c. 1650"},
           {"label": "Medium", "value": "Oil on canvas"},
           {"label": "Culture", "value": [{"@value": "French", "@language": "en"}]},
           {"label": "Inventory", "value": "INV-1"}],
         "attribution": "Courtesy of the Test Museum",
         "license": "https://creativecommons.org/publicdomain/zero/1.0/",
         "related": {"@id": "https://museum.example/objects/1", "format": "text/html"},
         "sequences": [{"@type": "sc:Sequence", "canvases": [
           {"@id": "BASE/iiif/m2a/canvas/1", "@type": "sc:Canvas", "label": "front",
            "width": 640, "height": 480,
            "images": [{"@type": "oa:Annotation", "motivation": "sc:painting",
              "resource": {"@id": "BASE/iiif/img/swan/full/full/0/default.jpg", "@type": "dctypes:Image",
                "service": {"@context": "http://iiif.io/api/image/2/context.json",
                  "@id": "BASE/iiif/img/swan", "profile": "http://iiif.io/api/image/2/level1.json"}},
              "on": "BASE/iiif/m2a/canvas/1"}]}]}]}
        """);
    document(
        "/iiif/m2b.json",
        """
        {"@context": "http://iiif.io/api/presentation/2/context.json",
         "@id": "BASE/iiif/m2b.json", "@type": "sc:Manifest", "label": "A cup",
         "navDate": "1701-01-01T00:00:00Z",
         "sequences": [{"canvases": [
           {"@id": "BASE/iiif/m2b/canvas/1", "@type": "sc:Canvas",
            "images": [{"resource": {"@id": "BASE/images/cup.jpg", "@type": "dctypes:Image"}}]}]}]}
        """);
    document(
        "/iiif/sub3.json",
        """
        {"@context": "http://iiif.io/api/presentation/3/context.json",
         "id": "BASE/iiif/sub3.json", "type": "Collection", "label": {"en": ["Version 3"]},
         "items": [
           {"id": "BASE/iiif/m3.json", "type": "Manifest", "label": {"en": ["Harbour"]}},
           {"id": "BASE/iiif/sub3.json", "type": "Collection", "label": {"en": ["Myself"]}}]}
        """);
    document(
        "/iiif/m3.json",
        """
        {"@context": "http://iiif.io/api/presentation/3/context.json",
         "id": "BASE/iiif/m3.json", "type": "Manifest",
         "label": {"en": ["Harbour at dusk"], "nl": ["Haven"]},
         "summary": {"en": ["A <i>quiet</i> harbour"]},
         "metadata": [
           {"label": {"en": ["Creator"]}, "value": {"none": ["A. Painter"]}},
           {"label": {"en": ["Object Type"]}, "value": {"en": ["painting"]}},
           {"label": {"en": ["Date"]}, "value": {"en": ["1888-1890"]}}],
         "requiredStatement": {"label": {"en": ["Attribution"]}, "value": {"en": ["Test Museum, gift of B."]}},
         "rights": "http://creativecommons.org/licenses/by/4.0/",
         "homepage": [{"id": "https://museum.example/objects/3", "type": "Text", "format": "text/html"}],
         "items": [
           {"id": "BASE/iiif/m3/canvas/1", "type": "Canvas", "label": {"en": ["recto"]},
            "items": [{"id": "BASE/iiif/m3/page/1", "type": "AnnotationPage", "items": [
              {"id": "BASE/iiif/m3/anno/1", "type": "Annotation", "motivation": "painting",
               "target": "BASE/iiif/m3/canvas/1",
               "body": {"type": "Choice", "items": [
                 {"id": "BASE/iiif/img0/harbour/full/full/0/default.jpg", "type": "Image",
                  "service": [{"id": "BASE/iiif/img0/harbour", "type": "ImageService3", "profile": "level0"}]},
                 {"id": "BASE/other.jpg", "type": "Image"}]}}]}]},
           {"id": "BASE/iiif/m3/canvas/2", "type": "Canvas", "label": {"en": ["verso"]},
            "items": [{"type": "AnnotationPage", "items": [
              {"type": "Annotation", "motivation": "painting",
               "body": {"id": "BASE/images/cup.jpg", "type": "Image", "format": "image/jpeg"}}]}]}]}
        """);
    document("/iiif/deep0.json", collection("deep0", "deep1"));
    document("/iiif/deep1.json", collection("deep1", "deep2"));
    document("/iiif/deep2.json", collection("deep2", "deep3"));
    document("/iiif/broken.json", "{\"@type\": \"sc:Manifest\", \"label\": ");
  }

  private static String collection(String self, String next) {
    return "{\"id\": \"BASE/iiif/"
        + self
        + ".json\", \"type\": \"Collection\", \"items\": ["
        + "{\"id\": \"BASE/iiif/"
        + next
        + ".json\", \"type\": \"Collection\"},"
        + "{\"id\": \"BASE/iiif/m2b.json\", \"type\": \"Manifest\"}]}";
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
