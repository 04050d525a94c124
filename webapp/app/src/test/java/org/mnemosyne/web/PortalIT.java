package org.mnemosyne.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.EmbeddingModelProvider;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The real WAR on real Payara Micro against a real PostgreSQL, tested from the outside over
 * 127.0.0.1 only (the deployment is not testable: nothing runs in the container but the app).
 */
@ExtendWith({EmbeddedDatabaseExtension.class, ArquillianExtension.class})
class PortalIT {
  private static final Path SHARED =
      Path.of(System.getProperty("mnemosyne.shared.dir")).toAbsolutePath().normalize();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @ArquillianResource URL deployed;

  @Deployment(testable = false)
  static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }

  /** The application's base URL with the host forced to loopback (STACK-NOTES G6). */
  private URI base() {
    return URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  @Test
  void healthIsUpWithTheDatabase() throws Exception {
    HttpResponse<String> r = get("api/health");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("UP", json(r.body()).getString("database"));
  }

  @Test
  void infoListsBuiltInAndExternalPluginsAndARowWrittenThroughHibernate() throws Exception {
    HttpResponse<String> r = get("api/info");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject info = json(r.body());

    Map<String, String> origins =
        info.getJsonArray("plugins").getValuesAs(JsonObject.class).stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    p -> p.getString("kind") + "/" + p.getString("name"),
                    p -> p.getString("origin")));
    assertEquals("built-in", origins.get("model/djl"));
    assertEquals("built-in", origins.get("index/exact-scan"));
    assertTrue(
        origins
            .getOrDefault("explainer/occlusion", "")
            .startsWith("plugin jar mnemosyne-example-plugin"),
        origins.toString());
    assertEquals(List.of(), info.getJsonArray("problems"));

    JsonObject db = info.getJsonObject("database");
    assertTrue(db.getString("product").startsWith("PostgreSQL"), db.toString());
    assertTrue(db.getJsonNumber("starts").longValue() >= 1, "the start row was read back");
    assertTrue(db.getString("firstStart").length() > 10, db.toString());
    assertTrue(db.getString("jpaProvider").startsWith("org.hibernate"), db.toString());
    assertEquals(latestShippedMigration(), db.getString("schemaVersion"));
  }

  @Test
  void embedsATestPhotoExactlyAsTheLibraryDoes() throws Exception {
    byte[] cat = Files.readAllBytes(SHARED.resolve("data/testimages/cat.bmp"));
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(base().resolve("api/embeddings"))
                .header("Content-Type", "image/bmp")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(cat))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    JsonObject e = json(r.body());
    assertEquals("mobilenet_v2_1.0_224", e.getString("model"));
    JsonArray vector = e.getJsonArray("vector");
    assertEquals(1280, vector.size());

    float[] local = embedLocally(cat);
    double norm = 0;
    for (int i = 0; i < local.length; i++) {
      double served = vector.getJsonNumber(i).doubleValue();
      norm += served * served;
      assertEquals(local[i], served, 1e-5, "component " + i);
    }
    assertEquals(1.0, norm, 1e-4);

    JsonObject model = json(get("api/info").body()).getJsonObject("model");
    assertEquals("loaded", model.getString("status"));
  }

  /** The highest {@code V<n>__*.sql} in the db module's jar (or classes directory). */
  private static String latestShippedMigration() throws Exception {
    Path where =
        Path.of(
            org.mnemosyne.db.migration.SchemaMigrator.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    List<String> names = new java.util.ArrayList<>();
    if (Files.isDirectory(where)) {
      try (var files = Files.list(where.resolve("db/migration"))) {
        files.forEach(f -> names.add(f.getFileName().toString()));
      }
    } else {
      try (var jar = new java.util.jar.JarFile(where.toFile())) {
        jar.stream()
            .map(java.util.jar.JarEntry::getName)
            .filter(n -> n.startsWith("db/migration/"))
            .forEach(n -> names.add(n.substring("db/migration/".length())));
      }
    }
    return String.valueOf(
        names.stream()
            .filter(n -> n.matches("V\\d+__.*\\.sql"))
            .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
            .max()
            .orElseThrow());
  }

  private static float[] embedLocally(byte[] bytes) {
    MnemosyneConfig config =
        MnemosyneConfig.of(
            Map.of(
                "mnemosyne.home",
                System.getProperty("java.io.tmpdir") + "/mnemosyne-it-local",
                "mnemosyne.shared.dir",
                SHARED.toString()));
    PluginRegistry registry =
        PluginRegistry.load(PortalIT.class.getClassLoader(), config, DataLayout.from(config));
    EmbeddingModelProvider p = registry.require(EmbeddingModelProvider.class, "djl");
    try (EmbeddingModel m = p.open(registry.contextFor(p))) {
      return m.embed(List.of(ImageResizer.toRgb(new ImageDecoder().decode(bytes), 224, 224)))
          .get(0)
          .vector();
    }
  }

  @Test
  void badImagesGetAClearErrorNotAStackTrace() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(base().resolve("api/embeddings"))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofString("definitely not a png"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(json(r.body()).getString("error").contains("unsupported"), r.body());
    assertTrue(!r.body().contains("at org."), "no stack trace leaks");
  }

  @Test
  void unknownPagesShowTheErrorPage() throws Exception {
    HttpResponse<String> r = get("no-such-page.xhtml");
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("Page not found"), r.body());
  }

  @Test
  void theStartPageShowsWhatIsRunningInARealBrowser() throws Exception {
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      d.get(base().toString());
      browser.screenshot("start-page");
      Files.writeString(
          Path.of(System.getProperty("it.screenshots"), "start-page.html"), d.getPageSource());
      String plugins = d.findElement(By.id("plugins")).getText();
      assertTrue(plugins.contains("occlusion") && plugins.contains("exact-scan"), plugins);
      assertTrue(d.findElement(By.id("database")).getText().startsWith("PostgreSQL"));
    }
  }

  @Test
  void theComparePageExplainsTwoUploadedImagesInARealBrowser() throws Exception {
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      d.get(base().resolve("compare.xhtml").toString());
      List<org.openqa.selenium.WebElement> files =
          d.findElements(By.cssSelector("input[type=file]"));
      assertEquals(2, files.size());
      files.get(0).sendKeys(SHARED.resolve("data/testimages/cat.bmp").toString());
      files.get(1).sendKeys(SHARED.resolve("data/testimages/owl.jpg").toString());
      d.findElement(By.id("compare:run")).click();
      String summary = d.findElement(By.id("summary")).getText();
      assertTrue(summary.contains("search-cam") && summary.contains("model evaluations"), summary);
      List<org.openqa.selenium.WebElement> panels = d.findElements(By.cssSelector(".mn-panel img"));
      assertEquals(2, panels.size());
      assertTrue(panels.get(0).getAttribute("src").startsWith("data:image/png;base64,"));
      assertTrue(panels.get(0).getAttribute("alt").contains("strongest region"));
      browser.screenshot("compare-page");
    }
  }
}
