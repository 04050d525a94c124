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
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The real WAR on real Payara Micro against a real PostgreSQL, tested from the outside over
 * 127.0.0.1 only (the deployment is not testable: nothing runs in the container but the app).
 */
@ExtendWith({EmbeddedDatabaseExtension.class, ArquillianExtension.class})
class PortalIT {
  private static final Path SHARED = LocalModel.SHARED;
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

  /** POSTs a body of a content type to a path of the portal. */
  private HttpResponse<String> postBody(
      String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(base().resolve(path))
            .header("Content-Type", contentType)
            .POST(body)
            .build(),
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
    JsonArray collections =
        Json.createReader(new StringReader(get("api/collections").body())).readArray();
    Map<String, Integer> items = new java.util.HashMap<>();
    for (JsonObject c : collections.getValuesAs(JsonObject.class)) {
      items.put(c.getString("slug"), c.getInt("items"));
    }
    assertEquals(267, items.get("art"), collections.toString());
    assertEquals(283, items.get("photos"), collections.toString());
    assertEquals(289, items.get("clipart"), collections.toString());
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
  void embedsATestPhotoExactlyAsTheImportDoes() throws Exception {
    byte[] cat = Files.readAllBytes(SHARED.resolve("data/testimages/cat.bmp"));
    // and a large copy, which the decoder subsamples on the way in, on every path alike
    java.awt.image.BufferedImage small = new ImageDecoder().decode(cat);
    java.awt.image.BufferedImage large =
        new java.awt.image.BufferedImage(
            small.getWidth() * 4, small.getHeight() * 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = large.createGraphics();
    g.setRenderingHint(
        java.awt.RenderingHints.KEY_INTERPOLATION,
        java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(small, 0, 0, large.getWidth(), large.getHeight(), null);
    g.dispose();
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(large, "png", png);
    for (byte[] image : List.of(cat, png.toByteArray())) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(base().resolve("api/embeddings"))
                  .header("Content-Type", image == cat ? "image/bmp" : "image/png")
                  .timeout(Duration.ofSeconds(120))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(image))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      JsonObject e = json(r.body());
      assertEquals("mobilenet_v2_1.0_224", e.getString("model"));
      JsonArray vector = e.getJsonArray("vector");
      assertEquals(1280, vector.size());

      float[] local = embedLocally(image);
      double norm = 0;
      for (int i = 0; i < local.length; i++) {
        double served = vector.getJsonNumber(i).doubleValue();
        norm += served * served;
        assertEquals(
            local[i], served, 1e-5, "component " + i + " of a " + image.length + " B image");
      }
      assertEquals(1.0, norm, 1e-4);
    }

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

  /** The embedding an import stores for these bytes (BatchEmbedder's decode and resize). */
  private static float[] embedLocally(byte[] bytes) {
    return LocalModel.model()
        .embed(List.of(ImageResizer.toRgb(new ImageDecoder().decode(bytes, 224, 224), 224, 224)))
        .get(0)
        .vector();
  }

  @Test
  void badImagesGetAClearErrorNotAStackTrace() throws Exception {
    HttpResponse<String> r =
        postBody(
            "api/embeddings",
            "image/png",
            HttpRequest.BodyPublishers.ofString("definitely not a png"));
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(json(r.body()).getString("error").contains("unsupported"), r.body());
    assertTrue(!r.body().contains("at org."), "no stack trace leaks");

    // a search with an image over the upload limit: 413 with a clear message, nothing stored
    HttpResponse<String> huge =
        postBody(
            "api/search",
            "image/jpeg",
            HttpRequest.BodyPublishers.ofByteArray(new byte[33 * 1024 * 1024]));
    assertEquals(413, huge.statusCode(), huge.body());
    assertTrue(json(huge.body()).getString("error").contains("MB"), huge.body());

    // the search page's upload form: a text file is refused on the page, in words
    Path text = Files.createTempFile("not-an-image", ".jpg");
    Files.writeString(text, "this is a letter, not a picture");
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      d.get(base().resolve("index.xhtml").toString());
      d.findElement(By.cssSelector("input[type=file]")).sendKeys(text.toString());
      browser.clickAndLoad(d.findElement(By.cssSelector("[id$=send]")));
      String page = d.findElement(By.tagName("main")).getText();
      assertTrue(page.toLowerCase(java.util.Locale.ROOT).contains("image"), page);
      assertTrue(!page.contains("Exception") && !page.contains("at org."), page);
      assertTrue(d.findElements(By.cssSelector("#grid .mn-card")).isEmpty(), "no results");
    }
  }

  @Test
  void unknownPagesShowTheErrorPage() throws Exception {
    HttpResponse<String> r = get("no-such-page.xhtml");
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("Page not found"), r.body());
  }

  @Test
  void theStatusPageShowsWhatIsRunningInARealBrowser() throws Exception {
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      d.get(base().resolve("status.xhtml").toString());
      browser.screenshot("status-page");
      Files.writeString(
          Path.of(System.getProperty("it.screenshots"), "status-page.html"), d.getPageSource());
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
      browser.clickAndLoad(d.findElement(By.id("compare:use")));
      assertTrue(
          d.getCurrentUrl().contains("upload=") && d.getCurrentUrl().contains("tupload="),
          d.getCurrentUrl());
      d.findElement(By.id("run")).click();
      browser.waitFor("#explain-viewer[data-ready]");
      assertEquals(
          "true",
          d.findElement(By.id("explain-viewer")).getAttribute("data-ready"),
          d.findElement(By.id("explain-state")).getText());
      String summary = d.findElement(By.id("summary")).getText();
      assertTrue(summary.contains("search-cam") && summary.contains("model evaluations"), summary);
      assertEquals(2, d.findElements(By.cssSelector(".mn-panel canvas")).size());
      String ranked = d.findElement(By.id("ranked")).getText();
      assertTrue(
          ranked.contains("Query regions that matter most") && ranked.contains("region"), ranked);
      browser.screenshot("compare-page");
    }
  }

  // ---- search: the index in step with the database, exact against brute force

  private static SearchOracle oracle;

  private static synchronized SearchOracle oracle() {
    if (oracle == null) {
      oracle = new SearchOracle();
    }
    return oracle;
  }

  /** A painting of the art sample, by its position in id order. */
  private static long painting(int n) {
    return oracle().items().stream()
        .filter(i -> i.facets().values("collection").contains("art"))
        .skip(n)
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void conditionalSearchByItemEqualsBruteForceOverTheImportedSamples() throws Exception {
    assertEquals(839, oracle().size(), "the three samples were imported");
    for (String condition :
        List.of(
            "collection:photos",
            "*",
            "collection:art AND year:[1600 TO 1800]",
            "NOT collection:art AND NOT collection:clipart")) {
      long query = painting(3);
      HttpResponse<String> r =
          get(
              "api/search?item="
                  + query
                  + "&k=10&condition="
                  + java.net.URLEncoder.encode(condition, java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(200, r.statusCode(), r.body());
      JsonObject body = json(r.body());
      List<SearchOracle.Ranked> expected = oracle().nearest(query, condition, 10);
      JsonArray results = body.getJsonArray("results");
      assertEquals(expected.size(), results.size(), condition);
      for (int i = 0; i < expected.size(); i++) {
        JsonObject hit = results.getJsonObject(i);
        assertEquals(
            expected.get(i).id(),
            hit.getJsonObject("item").getJsonNumber("id").longValue(),
            condition + " rank " + (i + 1));
        assertEquals(expected.get(i).score(), hit.getJsonNumber("score").doubleValue(), 1e-5);
        assertEquals(i + 1, hit.getInt("rank"));
      }
      assertEquals(
          oracle().count(condition), body.getJsonNumber("matching").longValue(), condition);
      assertEquals(839, body.getInt("indexed"));
    }
    JsonObject page2 =
        json(
            get("api/search?item=" + painting(3) + "&k=5&page=1&condition=collection:photos")
                .body());
    List<SearchOracle.Ranked> ten = oracle().nearest(painting(3), "collection:photos", 10);
    assertEquals(
        ten.get(5).id(),
        page2
            .getJsonArray("results")
            .getJsonObject(0)
            .getJsonObject("item")
            .getJsonNumber("id")
            .longValue(),
        "page 2 continues where page 1 stopped");
    assertEquals(6, page2.getJsonArray("results").getJsonObject(0).getInt("rank"));
  }

  @Test
  void badSearchInputGetsClearJsonErrors() throws Exception {
    HttpResponse<String> r =
        get("api/search?item=" + painting(0) + "&condition=culture:French%20AND%20(");
    assertEquals(400, r.statusCode(), r.body());
    JsonObject e = json(r.body());
    assertTrue(e.getString("error").startsWith("malformed condition"), r.body());
    assertTrue(e.getInt("position") >= 19, r.body());
    r = get("api/search?item=" + painting(0) + "&condition=colour:red");
    assertEquals(400, r.statusCode());
    assertTrue(json(r.body()).getString("error").contains("colour"), r.body());
    r = get("api/search?item=987654321");
    assertEquals(404, r.statusCode());
    assertTrue(json(r.body()).getString("error").contains("987654321"), r.body());
    r = get("api/items/987654321");
    assertEquals(404, r.statusCode());
    r = get("api/search?k=100000");
    assertEquals(400, r.statusCode());
    r = get("api/search?upload=../../etc/passwd");
    assertEquals(400, r.statusCode());
    JsonObject warned = json(get("api/search?condition=culture:Atlantis").body());
    assertEquals(0, warned.getJsonNumber("matching").longValue());
    assertTrue(
        warned.getJsonArray("warnings").getString(0).contains("Atlantis"), warned.toString());
  }

  @Test
  void searchByAnUploadedImageKeepsItForPermalinks() throws Exception {
    byte[] owl = Files.readAllBytes(SHARED.resolve("data/testimages/owl.jpg"));
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(base().resolve("api/search?k=5&condition=collection:photos"))
                .header("Content-Type", "image/jpeg")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(owl))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    JsonObject first = json(r.body());
    String upload = first.getString("upload");
    assertEquals(64, upload.length());
    assertEquals(5, first.getJsonArray("results").size());
    JsonObject again =
        json(get("api/search?k=5&condition=collection:photos&upload=" + upload).body());
    HttpResponse<String> notAnImage =
        postBody(
            "api/search?k=5",
            "image/jpeg",
            HttpRequest.BodyPublishers.ofString("<script>not an image</script>"));
    assertEquals(400, notAnImage.statusCode(), notAnImage.body());
    assertTrue(json(notAnImage.body()).getString("error").length() > 0);
    assertTrue(!notAnImage.body().contains("<script>"), "the body is not echoed");
    assertEquals(first.getJsonArray("results"), again.getJsonArray("results"));
    HttpResponse<byte[]> thumb =
        HTTP.send(
            HttpRequest.newBuilder(base().resolve("img/upload/" + upload + "/thumb")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, thumb.statusCode());
    assertEquals("image/jpeg", thumb.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void thumbnailsAreServedWithCachingAndNothingElseIsReachable() throws Exception {
    long id = painting(0);
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(base().resolve("img/item/" + id + "/thumb")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    java.awt.image.BufferedImage img =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(r.body()));
    assertEquals(320, Math.max(img.getWidth(), img.getHeight()), "longer side 320");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
    HttpResponse<byte[]> again =
        HTTP.send(
            HttpRequest.newBuilder(base().resolve("img/item/" + id + "/thumb"))
                .header("If-None-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(304, again.statusCode());
    for (String path :
        List.of(
            "img/item/987654321/thumb",
            "img/item/" + id + "/original",
            "img/upload/..%2F..%2Fetc%2Fpasswd/thumb",
            "img/item/abc/thumb",
            "img/x",
            "img/upload/" + "0".repeat(64) + "/thumb")) {
      HttpResponse<String> bad = get(path);
      assertTrue(bad.statusCode() == 404 || bad.statusCode() == 400, path + " " + bad.statusCode());
      assertTrue(!bad.body().contains("root:"), "no file outside the derivatives is served");
    }
  }

  // ---- deep zoom: tile pyramids over HTTP, the OpenSeadragon viewer with the heat-map overlay

  private HttpResponse<byte[]> getBytes(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base().resolve(path));
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return HTTP.send(
        b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static java.awt.image.BufferedImage jpeg(HttpResponse<byte[]> r) throws Exception {
    assertEquals(200, r.statusCode());
    assertEquals("image/jpeg", r.headers().firstValue("Content-Type").orElse(""));
    return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(r.body()));
  }

  @Test
  void deepZoomPyramidsAreServedWithCachingAndNothingElseIsReachable() throws Exception {
    long id = painting(2);
    HttpResponse<String> dzi = get("zoom/item/" + id + ".dzi");
    assertEquals(200, dzi.statusCode(), dzi.body());
    assertTrue(dzi.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
    assertTrue(dzi.body().contains("TileSize=\"256\"") && dzi.body().contains("Overlap=\"1\""));
    java.util.regex.Matcher size =
        java.util.regex.Pattern.compile("Width=\"(\\d+)\" Height=\"(\\d+)\"").matcher(dzi.body());
    assertTrue(size.find(), dzi.body());
    int w = Integer.parseInt(size.group(1));
    int h = Integer.parseInt(size.group(2));
    int top = 32 - Integer.numberOfLeadingZeros(Math.max(w, h) - 1); // ceil(log2(longer side))
    String etag = dzi.headers().firstValue("ETag").orElseThrow();
    assertTrue(dzi.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
    assertEquals(304, getBytes("zoom/item/" + id + ".dzi", etag).statusCode());

    String tiles = "zoom/item/" + id + "_files/";
    HttpResponse<byte[]> first = getBytes(tiles + top + "/0_0.jpg", null);
    java.awt.image.BufferedImage corner = jpeg(first);
    assertEquals(Math.min(257, w), corner.getWidth(), "a full-resolution corner tile");
    assertEquals(Math.min(257, h), corner.getHeight());
    assertEquals(1, jpeg(getBytes(tiles + "0/0_0.jpg", null)).getWidth(), "level 0 is 1 pixel");
    int lastCol = (w - 1) / 256;
    java.awt.image.BufferedImage edge =
        jpeg(getBytes(tiles + top + "/" + lastCol + "_0.jpg", null));
    assertEquals(w - (lastCol * 256 - (lastCol == 0 ? 0 : 1)), edge.getWidth(), "right edge");
    String tileTag = first.headers().firstValue("ETag").orElseThrow();
    assertTrue(!tileTag.equals(etag));
    assertEquals(304, getBytes(tiles + top + "/0_0.jpg", tileTag).statusCode());

    // an uploaded query image has a pyramid too
    HttpResponse<String> search =
        HTTP.send(
            HttpRequest.newBuilder(base().resolve("api/search?k=1"))
                .header("Content-Type", "image/jpeg")
                .timeout(Duration.ofSeconds(120))
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        Files.readAllBytes(SHARED.resolve("data/testimages/owl.jpg"))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String upload = json(search.body()).getString("upload");
    assertTrue(
        get("zoom/upload/" + upload + ".dzi").body().contains("Width=\"512\" Height=\"384\""));
    assertEquals(
        257, jpeg(getBytes("zoom/upload/" + upload + "_files/9/0_0.jpg", null)).getWidth());

    for (String path :
        List.of(
            tiles + (top + 1) + "/0_0.jpg",
            tiles + top + "/" + (lastCol + 1) + "_0.jpg",
            tiles + top + "/a_b.jpg",
            tiles + "1/0_0.png",
            tiles + "..%2F..%2F..%2Fetc%2Fpasswd",
            "zoom/item/" + id + "_files/../../../../etc/passwd",
            "zoom/item/" + id + ".xml",
            "zoom/item/abc.dzi",
            "zoom/item/987654321.dzi",
            "zoom/upload/" + "0".repeat(64) + ".dzi",
            "zoom/upload/..%2F..%2Fetc%2Fpasswd.dzi",
            "zoom/x")) {
      HttpResponse<String> bad = get(path);
      assertTrue(bad.statusCode() == 404 || bad.statusCode() == 400, path + " " + bad.statusCode());
      assertTrue(!bad.body().contains("root:"), "no file outside the derivatives is served");
    }
    // a withdrawn item's pyramid is no longer served, though its files are cached
    try (java.sql.Connection c = EmbeddedDatabaseExtension.dataSource().getConnection();
        java.sql.PreparedStatement st =
            c.prepareStatement(
                "UPDATE item SET status = ?, withdrawn_at = CASE WHEN ? THEN now() END"
                    + " WHERE id = ?")) {
      st.setString(1, "withdrawn");
      st.setBoolean(2, true);
      st.setLong(3, id);
      st.executeUpdate();
      try {
        assertEquals(404, get("zoom/item/" + id + ".dzi").statusCode());
        assertEquals(404, getBytes(tiles + top + "/0_0.jpg", null).statusCode());
      } finally {
        st.setString(1, "active");
        st.setBoolean(2, false);
        st.executeUpdate();
      }
    }
  }

  @Test
  void theDeepZoomViewerLaysTheHeatMapOverTheTilesInARealBrowser() throws Exception {
    long query = painting(14);
    long target = painting(15);
    String url =
        "compare.xhtml?query="
            + query
            + "&target="
            + target
            + "&explainer=search-cam&order=FIRST&grid=7";
    String viewer = "document.querySelector('#zoom-viewer .mn-zoom-host').mnViewer";
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      d.get(base().resolve(url).toString());
      browser.waitFor("#explain-viewer[data-ready]");
      assertEquals(
          "true",
          d.findElement(By.id("explain-viewer")).getAttribute("data-ready"),
          d.findElement(By.id("explain-state")).getText());
      d.findElement(By.id("zoom-query")).click();
      browser.waitFor("#zoom-viewer [data-zoom-ready='true']");
      assertEquals(1L, browser.script("return " + viewer + ".world.getItemCount()"));
      assertEquals(
          true, browser.script("return " + viewer + ".world.getItemAt(0).getFullyLoaded()"));
      Object requested =
          browser.script(
              "return performance.getEntriesByType('resource')"
                  + ".filter(e => e.name.indexOf('/zoom/item/' + arguments[0] + '_files/') > 0).length",
              query);
      assertTrue(((Number) requested).longValue() > 0, "tiles came from the pyramid: " + requested);
      assertEquals(1, d.findElements(By.cssSelector("#zoom-viewer canvas.mn-zoom-overlay")).size());
      // the overlay covers the image's whole rectangle on screen and carries the heat-map
      Object widths =
          browser.script(
              "const v = "
                  + viewer
                  + ";"
                  + " const r = v.viewport.viewportToViewerElementRectangle("
                  + "v.world.getItemAt(0).getBounds());"
                  + " const o = document.querySelector('.mn-zoom-overlay');"
                  + " const px = o.getContext('2d').getImageData(0, 0, o.width, o.height).data;"
                  + " let painted = 0; for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) painted++; }"
                  + " return [r.width, o.getBoundingClientRect().width, r.height,"
                  + " o.getBoundingClientRect().height, painted];");
      List<?> m = (List<?>) widths;
      assertEquals(
          ((Number) m.get(0)).doubleValue(), ((Number) m.get(1)).doubleValue(), 2.0, m.toString());
      assertEquals(
          ((Number) m.get(2)).doubleValue(), ((Number) m.get(3)).doubleValue(), 2.0, m.toString());
      assertTrue(((Number) m.get(4)).longValue() > 0, "the heat-map is drawn: " + m);
      // the opacity slider fades it
      browser.script(
          "const o = document.getElementById('opacity'); o.value = '0.3';"
              + " o.dispatchEvent(new Event('input'));");
      assertEquals("0.3", d.findElement(By.cssSelector(".mn-zoom-overlay")).getCssValue("opacity"));
      // keyboard: the labelled viewer has the focus, and + zooms in
      org.openqa.selenium.WebElement focused = d.switchTo().activeElement();
      assertTrue(
          focused.getAttribute("class").contains("openseadragon-canvas"), focused.getTagName());
      assertTrue(focused.getAttribute("aria-label").startsWith("Deep zoom of the query image"));
      double before =
          ((Number) browser.script("return " + viewer + ".viewport.getZoom()")).doubleValue();
      focused.sendKeys("+");
      browser.waitForScript("return " + viewer + ".viewport.getZoom() > arguments[0]", before);
      browser.waitForScript(
          "const v = "
              + viewer
              + "; return v.viewport.getZoom(true) >= v.viewport.getZoom() * 0.999"
              + " && v.world.getItemAt(0).getFullyLoaded();");
      // for the screenshot: the upper middle of the picture, closer, the heat-map at 0.5
      browser.script(
          "const o = document.getElementById('opacity'); o.value = '0.5';"
              + " o.dispatchEvent(new Event('input'));"
              + viewer
              + ".viewport.fitBounds(new OpenSeadragon.Rect(0.2, 0.05, 0.6, 0.4));");
      browser.waitForScript(
          "const v = "
              + viewer
              + "; return Math.abs(v.viewport.getZoom(true) - v.viewport.getZoom())"
              + " < 1e-3 * v.viewport.getZoom() && v.world.getItemAt(0).getFullyLoaded();");
      browser.screenshot("deep-zoom-heatmap");

      // the deep-zoom page of an item, with its record
      d.get(base().resolve("zoom.xhtml?item=" + target).toString());
      browser.waitFor("#zoom-viewer[data-zoom-ready='true']");
      assertEquals("pyramid", d.findElement(By.id("zoom-viewer")).getAttribute("data-zoom-source"));
      String record = d.findElement(By.id("zoom-record")).getText();
      String lower = record.toLowerCase(java.util.Locale.ROOT);
      assertTrue(lower.contains("licence") && lower.contains("collection"), record);
      assertTrue(!d.findElement(By.id("zoom-title")).getText().isBlank());
      browser.screenshot("zoom-page");
    }
  }

  /**
   * An item imported from a IIIF manifest whose image has a IIIF Image service: the deep-zoom page
   * reads that service's info.json and tiles (from the museum's server, here a level-1 server on
   * 127.0.0.1) instead of building the portal's own pyramid.
   */
  @Test
  void anItemWithAIiifImageServiceZoomsFromThatServiceInARealBrowser() throws Exception {
    Path painting = SHARED.resolve("data/art/images/aic-866.jpg");
    try (IiifImageServer iiif = new IiifImageServer(painting, 3);
        Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      signIn(browser, "admin", "it-admin-password-0001");
      String form =
          "institution=iiif-museum&collection=iiifzoom&publish=true&source="
              + java.net.URLEncoder.encode(
                  iiif.manifest(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(200, browserPost(d, "api/admin/imports", form));
      String query =
          "SELECT i.id FROM item i JOIN collection c ON c.id = i.collection_id"
              + " WHERE c.slug = 'iiifzoom' AND i.image_kind = 'iiif'";
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (sql(query).isEmpty() || get("api/items/" + sql(query).get(0)).statusCode() != 200) {
        assertTrue(System.nanoTime() < deadline, "the IIIF item was imported and published");
        Thread.sleep(500);
      }
      long id = Long.parseLong(sql(query).get(0));
      assertEquals(
          List.of(iiif.service()), sql("SELECT image_location FROM item WHERE id = ?", id));
      assertEquals(
          List.of(iiif.image().getWidth() + " " + iiif.image().getHeight()),
          sql("SELECT width || ' ' || height FROM item WHERE id = ?", id),
          "the full image's size from the canvas, not the derivative's the model read");
      int before = iiif.requests().size();

      d.get(base().resolve("zoom.xhtml?item=" + id).toString());
      browser.waitFor("#zoom-viewer[data-zoom-ready='true']");
      assertEquals("iiif", d.findElement(By.id("zoom-viewer")).getAttribute("data-zoom-source"));
      List<String> asked = iiif.requests().subList(before, iiif.requests().size());
      assertTrue(asked.contains("/iiif/img/info.json"), asked.toString());
      java.util.function.Supplier<List<String>> tiles =
          () ->
              iiif.requests().subList(before, iiif.requests().size()).stream()
                  .filter(p -> p.matches("/iiif/img/\\d+,\\d+,\\d+,\\d+/\\d+,\\d*/0/default\\.jpg"))
                  .toList();
      assertTrue(!tiles.get().isEmpty(), "tiles came from the IIIF service: " + asked);
      Object own =
          browser.script(
              "return performance.getEntriesByType('resource')"
                  + ".filter(e => e.name.indexOf('/zoom/item/') >= 0).length");
      assertEquals(0L, ((Number) own).longValue(), "no tile of the portal's own pyramid");
      // zooming in asks the service for tiles of the full-resolution level (scale factor 1)
      int shown = tiles.get().size();
      String viewer = "document.getElementById('zoom-viewer').mnViewer";
      browser.script(viewer + ".viewport.fitBounds(new OpenSeadragon.Rect(0.4, 0.4, 0.15, 0.15))");
      long until = System.nanoTime() + 20_000_000_000L;
      while (System.nanoTime() < until && tiles.get().stream().noneMatch(p -> fullResolution(p))) {
        Thread.sleep(200);
      }
      assertTrue(tiles.get().size() > shown, "more tiles after zooming in: " + tiles.get());
      assertTrue(
          tiles.get().stream().anyMatch(p -> fullResolution(p)),
          "full-resolution tiles: " + tiles.get());
      browser.waitFor("#zoom-viewer[data-zoom-ready='true']");
      browser.screenshot("zoom-iiif");

      // the other tests count the three samples only: take the collection down again
      String collection = sql("SELECT id FROM collection WHERE slug = 'iiifzoom'").get(0);
      assertEquals(200, browserPost(d, "api/admin/collections/" + collection + "/withdraw", ""));
      assertEquals(0, matching("collection:iiifzoom"));
    }
  }

  /** Whether a IIIF tile request asks for a region at its own size (scale factor 1). */
  private static boolean fullResolution(String path) {
    String[] parts = path.split("/");
    return parts[3].split(",")[2].equals(parts[4].split(",")[0]);
  }

  @Test
  void aVisitorSearchesRefinesAndFollowsAPermalinkInARealBrowser() throws Exception {
    long query = painting(5);
    String scripted = "<script>window.pwned=1</script>\"quoted\" & <b>bold</b>";
    long target = oracle().nearest(query, "collection:photos", 1).get(0).id();
    try (java.sql.Connection c = EmbeddedDatabaseExtension.dataSource().getConnection();
        java.sql.PreparedStatement st =
            c.prepareStatement("UPDATE item SET title = ? WHERE id = ?")) {
      st.setString(1, scripted);
      st.setLong(2, target);
      st.executeUpdate();
    }
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      d.get(base().resolve("index.xhtml?item=" + query + "&c=collection:photos").toString());
      List<org.openqa.selenium.WebElement> cards = d.findElements(By.cssSelector("#grid .mn-card"));
      assertEquals(24, cards.size());
      assertEquals(
          scripted,
          cards.get(0).findElement(By.className("mn-card-title")).getText(),
          "metadata is text: the script tag is shown, not run");
      assertEquals(
          null, ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return window.pwned"));
      for (org.openqa.selenium.WebElement card : cards) {
        assertTrue(
            card.findElement(By.className("mn-card-collection"))
                .getText()
                .startsWith("Photographs"));
        assertTrue(!card.findElement(By.tagName("img")).getAttribute("alt").isBlank(), "alt text");
      }
      browser.screenshot("search-page");
      String permalink = d.findElement(By.id("permalink")).getAttribute("href");
      // refine with a facet link: the subject with most photographs; its count is the new total
      org.openqa.selenium.WebElement subject =
          d.findElement(By.xpath("//div[contains(@class,'mn-facet')][h3='Subject']//li[1]"));
      String count = subject.findElement(By.className("mn-count")).getText();
      browser.clickAndLoad(subject.findElement(By.className("mn-facet-value")));
      assertTrue(d.getCurrentUrl().contains("c="), d.getCurrentUrl());
      assertTrue(d.findElement(By.id("normalized")).getText().contains("subject:"), "narrowed");
      assertTrue(
          d.findElement(By.id("result-summary")).getText().contains("among " + count + " matching"),
          d.findElement(By.id("result-summary")).getText() + " vs " + count);
      // a malformed condition is explained inline, with the position
      org.openqa.selenium.WebElement input = d.findElement(By.id("c"));
      input.clear();
      input.sendKeys("collection:photos AND (culture:");
      browser.clickAndLoad(d.findElement(By.id("apply")));
      String err = d.findElement(By.id("condition-error")).getText();
      assertTrue(err.contains("character") && err.contains("⟨here⟩"), err);
      browser.screenshot("search-condition-error");
      // the permalink reproduces the first page
      d.get(permalink);
      assertEquals(
          scripted,
          d.findElements(By.cssSelector("#grid .mn-card .mn-card-title")).get(0).getText());
      // search by a detail, from the keyboard: arrows move the outlined detail, Shift resizes
      d.get(base().resolve("index.xhtml?item=" + query).toString());
      ((org.openqa.selenium.JavascriptExecutor) d)
          .executeScript("document.getElementById('query-frame').focus()");
      new org.openqa.selenium.interactions.Actions(d)
          .sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT)
          .sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT)
          .keyDown(org.openqa.selenium.Keys.SHIFT)
          .sendKeys(org.openqa.selenium.Keys.ARROW_DOWN)
          .keyUp(org.openqa.selenium.Keys.SHIFT)
          .perform();
      assertTrue(
          d.findElement(By.id("query-frame-status")).getText().contains("35 % left"),
          "the detail is described in words: "
              + d.findElement(By.id("query-frame-status")).getAttribute("textContent"));
      new org.openqa.selenium.interactions.Actions(d)
          .sendKeys(org.openqa.selenium.Keys.ENTER)
          .perform();
      browser.waitFor("#query-region");
      assertTrue(
          d.getCurrentUrl().contains("region=0.3500%2C0.2500%2C0.5000%2C0.5500"),
          d.getCurrentUrl());
      JsonObject byDetail =
          json(get("api/search?item=" + query + "&region=0.3500,0.2500,0.5000,0.5500").body());
      assertEquals(
          byDetail
              .getJsonArray("results")
              .getJsonObject(0)
              .getJsonObject("item")
              .getString("title"),
          d.findElements(By.cssSelector("#grid .mn-card .mn-card-title")).get(0).getText(),
          "the page shows what the API answers for that detail");
      d.get(permalink);
      // "why similar?" opens the compare page with both items chosen, and explains them
      browser.clickAndLoad(d.findElements(By.cssSelector("#grid .mn-why")).get(0));
      assertTrue(
          d.findElement(By.id("chosen-target")).getText().contains(scripted),
          d.findElement(By.id("chosen-target")).getText());
      d.findElement(By.id("run")).click();
      browser.waitFor("#explain-viewer[data-ready]");
      String summary = d.findElement(By.id("summary")).getText();
      assertTrue(summary.contains("model evaluations"), summary);
      assertEquals(2, d.findElements(By.cssSelector(".mn-panel img")).size());
      browser.screenshot("compare-items");
      // browsing without a query, then paging
      d.get(base().resolve("index.xhtml?c=collection:art").toString());
      assertTrue(
          d.findElement(By.id("result-summary")).getText().startsWith("267 matching"),
          d.findElement(By.id("result-summary")).getText());
      browser.clickAndLoad(d.findElement(By.id("next")));
      assertTrue(d.getCurrentUrl().contains("page=1"));
      browser.screenshot("browse-page");
    } finally {
      try (java.sql.Connection c = EmbeddedDatabaseExtension.dataSource().getConnection();
          java.sql.PreparedStatement st =
              c.prepareStatement("UPDATE item SET title = 'restored' WHERE id = ?")) {
        st.setLong(1, target);
        st.executeUpdate();
      }
    }
  }

  @Test
  void acrossFacetAndCoverageEqualBruteForce() throws Exception {
    long query = painting(7);
    JsonArray cells =
        Json.createReader(new StringReader(get("api/across?facet=collection&item=" + query).body()))
            .readArray();
    assertEquals(3, cells.size(), cells.toString());
    for (int i = 0; i < cells.size(); i++) {
      JsonObject cell = cells.getJsonObject(i);
      String collection = cell.getString("value");
      SearchOracle.Ranked best = oracle().nearest(query, "collection:" + collection, 1).get(0);
      assertEquals(
          best.id(),
          cell.getJsonObject("best").getJsonObject("item").getJsonNumber("id").longValue(),
          collection);
      assertEquals(
          best.score(), cell.getJsonObject("best").getJsonNumber("score").doubleValue(), 1e-5);
    }
    assertEquals(
        400, get("api/across?facet=year&item=" + query).statusCode(), "numeric facet refused");

    JsonArray rows =
        Json.createReader(new StringReader(get("api/coverage?a=clipart&b=art&n=3").body()))
            .readArray();
    assertEquals(3, rows.size());
    double worst = Double.POSITIVE_INFINITY;
    long worstId = -1;
    for (var it : oracle().items()) {
      if (it.facets().values("collection").contains("clipart")) {
        double s = oracle().nearest(it.id(), "collection:art", 1).get(0).score();
        if (s < worst) {
          worst = s;
          worstId = it.id();
        }
      }
    }
    assertEquals(
        worstId, rows.getJsonObject(0).getJsonObject("item").getJsonNumber("id").longValue());
    assertEquals(worst, rows.getJsonObject(0).getJsonNumber("score").doubleValue(), 1e-5);
    assertTrue(rows.getJsonObject(1).getJsonNumber("score").doubleValue() >= worst);

    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      d.get(base().resolve("across.xhtml?facet=collection&item=" + query).toString());
      assertEquals(3, d.findElements(By.cssSelector("#across-grid .mn-card")).size());
      browser.screenshot("across-page");
      d.get(base().resolve("coverage.xhtml?a=clipart&b=art").toString());
      assertEquals(12, d.findElements(By.cssSelector("#coverage tbody tr")).size());
      browser.screenshot("coverage-page");
    }
  }

  @Test
  void theServerPublishesAnOpenApiDocumentOfTheRestApi() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + deployed.getPort() + "/openapi"))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    for (String path :
        List.of(
            "/api/search",
            "/api/items/{id}",
            "/api/facets",
            "/api/across",
            "/api/coverage",
            "/api/embeddings",
            "/api/health")) {
      assertTrue(r.body().contains(path), path + " in " + r.body());
    }
  }

  // ---- explanations: background jobs, cache, limits, the interactive viewer

  private HttpResponse<String> post(String path, String form) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(base().resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject awaitJob(long job) throws Exception {
    long until = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < until) {
      JsonObject s = json(get("api/explanations/jobs/" + job).body());
      String state = s.getString("state");
      if (state.equals("succeeded") || state.equals("failed") || state.equals("cancelled")) {
        return s;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("job " + job + " did not finish");
  }

  @Test
  void explanationsRunAsJobsAreCachedAndLimitedPerClient() throws Exception {
    String pair = "queryItem=" + painting(10) + "&targetItem=" + painting(11);
    String form = pair + "&explainer=kernel-shap&order=FIRST&grid=4&budget=200&seed=3";
    HttpResponse<String> r = post("api/explanations", form);
    assertEquals(202, r.statusCode(), r.body());
    JsonObject done = awaitJob(json(r.body()).getJsonNumber("job").longValue());
    assertEquals("succeeded", done.getString("state"), done.toString());
    long id = done.getJsonNumber("explanation").longValue();
    JsonObject e = json(get("api/explanations/" + id).body()).getJsonObject("explanation");
    assertEquals("kernel-shap", e.getString("explainer"));
    double sum = 0;
    for (var v : e.getJsonObject("maps").getJsonObject("query").getJsonArray("values")) {
      sum += ((jakarta.json.JsonNumber) v).doubleValue();
    }
    assertTrue(e.getInt("evaluations") <= 200, e.toString());
    assertEquals(16, e.getJsonObject("maps").getJsonObject("query").getJsonArray("values").size());
    assertTrue(Double.isFinite(sum));
    JsonObject faith = e.getJsonObject("faithfulness").getJsonObject("query");
    double deletion = faith.getJsonNumber("deletionArea").doubleValue();
    double insertion = faith.getJsonNumber("insertionArea").doubleValue();
    assertTrue(Double.isFinite(deletion) && Double.isFinite(insertion), faith.toString());

    long start = System.nanoTime();
    HttpResponse<String> again = post("api/explanations", form);
    long micros = (System.nanoTime() - start) / 1000;
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(id, json(again.body()).getJsonNumber("explanation").longValue(), "from the cache");
    System.out.println("cached explanation answered in " + micros + " µs");

    // the limit: two slow ones wait or run, a third is refused; cancelling frees the client
    String slow = pair + "&explainer=kernel-stii&order=JOINT&grid=4&budget=2048";
    HttpResponse<String> a = post("api/explanations", slow + "&seed=11");
    HttpResponse<String> b = post("api/explanations", slow + "&seed=12");
    HttpResponse<String> c = post("api/explanations", slow + "&seed=13");
    assertEquals(202, a.statusCode(), a.body());
    assertEquals(202, b.statusCode(), b.body());
    assertEquals(429, c.statusCode(), c.body());
    assertTrue(json(c.body()).getString("error").contains("already have 2"), c.body());
    for (HttpResponse<String> x : List.of(a, b)) {
      long job = json(x.body()).getJsonNumber("job").longValue();
      HttpResponse<String> del =
          HTTP.send(
              HttpRequest.newBuilder(base().resolve("api/explanations/jobs/" + job))
                  .DELETE()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, del.statusCode(), del.body());
      assertEquals("cancelled", awaitJob(job).getString("state"));
    }
    // bad requests
    assertEquals(400, post("api/explanations", pair + "&explainer=no-such").statusCode());
    assertEquals(
        400, post("api/explanations", pair + "&explainer=search-cam&order=JOINT").statusCode());
    assertEquals(
        400, post("api/explanations", pair + "&explainer=kernel-shap&budget=999999").statusCode());
    assertEquals(
        404,
        post(
                "api/explanations",
                "queryItem=987654321&targetItem=" + painting(1) + "&explainer=search-cam")
            .statusCode());
    assertEquals(400, post("api/explanations", "targetItem=1&explainer=search-cam").statusCode());
    assertEquals(404, get("api/explanations/987654321").statusCode());
  }

  @Test
  void aJointExplanationAnswersPointingAtARegionInARealBrowser() throws Exception {
    String url =
        "compare.xhtml?query="
            + painting(12)
            + "&target="
            + painting(13)
            + "&explainer=joint-cam&order=JOINT&segmentation=grid&grid=4&budget=16";
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      d.get(base().resolve(url).toString());
      browser.waitFor("#explain-viewer[data-ready]");
      assertEquals(
          "true",
          d.findElement(By.id("explain-viewer")).getAttribute("data-ready"),
          d.findElement(By.id("explain-state")).getText());
      assertTrue(d.findElement(By.id("pairs")).getText().contains("\u2194"));
      org.openqa.selenium.WebElement canvas = d.findElement(By.cssSelector("#panel-query canvas"));
      new org.openqa.selenium.interactions.Actions(d)
          .moveToElement(
              canvas, -canvas.getSize().getWidth() / 8, -canvas.getSize().getHeight() / 8)
          .perform();
      String said = d.findElement(By.id("correspondence")).getText();
      assertTrue(said.startsWith("Query region 5 (") && said.contains("corresponds most"), said);
      browser.screenshot("joint-explanation");
      // keyboard: focusing a ranked region does the same
      d.findElement(By.cssSelector(".mn-region-button")).sendKeys("");
      new org.openqa.selenium.interactions.Actions(d)
          .moveToElement(d.findElement(By.id("summary")))
          .perform();
      d.findElements(By.cssSelector(".mn-region-button")).get(0).click();
      assertTrue(d.findElement(By.id("correspondence")).getText().contains("corresponds most"));
      // the same URL again: from the cache
      d.get(base().resolve(url).toString());
      browser.waitFor("#explain-viewer[data-ready]");
      assertTrue(
          d.findElement(By.id("summary")).getText().contains("served from the cache"),
          d.findElement(By.id("summary")).getText());
    }
  }

  // ---- security and the admin area

  @Test
  void anonymousVisitorsCannotReachAdminPagesOrTheAdminApi() throws Exception {
    HttpClient noRedirects =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    for (String path : List.of("admin/index.xhtml", "api/admin/jobs", "api/admin/cache")) {
      HttpResponse<String> r =
          noRedirects.send(
              HttpRequest.newBuilder(base().resolve(path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(
          r.statusCode() == 302 || r.statusCode() == 401 || r.statusCode() == 403,
          path + " answered " + r.statusCode());
      assertTrue(
          r.statusCode() != 302
              || r.headers().firstValue("Location").orElse("").contains("login.xhtml"),
          r.headers().toString());
      assertTrue(!r.body().contains("collection-table"), "no admin content");
    }
    HttpResponse<String> clear =
        noRedirects.send(
            HttpRequest.newBuilder(base().resolve("api/admin/cache/clear"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(clear.statusCode() >= 300, "clear refused: " + clear.statusCode());
    HttpResponse<String> save = post("api/conditions", "name=x&condition=collection:art");
    assertTrue(save.statusCode() == 401 || save.statusCode() == 403, save.body());
  }

  @Test
  void anAdminSignsInImportsACollectionAndPublishesAConditionInARealBrowser() throws Exception {
    Path source = Files.createTempDirectory("mini-import");
    List<String> lines = Files.readAllLines(SHARED.resolve("data/clipart/metadata.csv"));
    Files.write(source.resolve("metadata.csv"), lines.subList(0, 5));
    Files.createDirectories(source.resolve("images"));
    for (String line : lines.subList(1, 5)) {
      String file = line.split(",")[1];
      Files.copy(SHARED.resolve("data/clipart").resolve(file), source.resolve(file));
    }
    // the first drawing gets a mark, so its image is not shared with the clipart sample
    Path marked = source.resolve(lines.get(1).split(",")[1]);
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(marked.toFile());
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.RED);
    g.fillRect(0, 0, 24, 24);
    g.dispose();
    javax.imageio.ImageIO.write(image, "jpg", marked.toFile());
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      d.get(base().resolve("admin/index.xhtml").toString());
      assertTrue(d.getCurrentUrl().contains("login.xhtml"), d.getCurrentUrl());
      d.findElement(By.id("login:username")).sendKeys("admin");
      d.findElement(By.cssSelector("input[type=password]")).sendKeys("wrong-password-123");
      browser.clickAndLoad(d.findElement(By.id("login:signin")));
      assertTrue(d.getPageSource().contains("Wrong user name or password"), "refused");
      signIn(browser, "admin", "it-admin-password-0001");
      String collections = d.findElement(By.id("collection-table")).getText();
      assertTrue(
          collections.contains("art")
              && collections.contains("photos")
              && collections.contains("clipart"),
          collections);

      d.findElement(By.id("import:institution")).sendKeys("test");
      d.findElement(By.id("import:collection")).sendKeys("mini");
      d.findElement(By.id("import:collectionName")).sendKeys("Four drawings");
      d.findElement(By.id("import:source")).sendKeys(source.toString());
      d.findElement(By.id("import:start")).click();
      new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(120))
          .until(
              x -> {
                x.navigate().refresh();
                return x.findElements(By.cssSelector("#job-table tr.mn-job-succeeded")).stream()
                    .anyMatch(row -> row.getText().contains("import"));
              });
      // a new collection is a draft: imported and embedded, but hidden until published
      Thread.sleep(2500); // past the index's recheck interval
      assertEquals(0, matching("collection:mini"), "a draft is not searchable");
      org.openqa.selenium.WebElement mini =
          d.findElement(By.cssSelector("#collection-table tr[data-slug=mini]"));
      assertTrue(mini.getText().contains("draft"), mini.getText());
      assertTrue(!get("api/collections").body().contains("\"mini\""), "drafts are not listed");
      browser.screenshot("admin-page");
      mini.findElement(By.cssSelector("input.mn-publish")).click();
      browser.waitFor("#collection-table tr.mn-status-active[data-slug=mini]");
      long deadline = System.nanoTime() + 30_000_000_000L;
      long matching = 0;
      while (System.nanoTime() < deadline && matching != 4) {
        matching = matching("collection:mini");
        Thread.sleep(500);
      }
      assertEquals(4, matching, "a published collection is searchable");
      assertTrue(get("api/collections").body().contains("\"slug\":\"mini\""), "and listed");

      // takedown of one item: it leaves search, its page and its image copies at once
      List<String> markedRow =
          sql(
              "SELECT i.id || ' ' || i.content_hash FROM item i JOIN collection c"
                  + " ON c.id = i.collection_id WHERE c.slug = 'mini' AND i.source_id = ?",
              lines.get(1).split(",")[0]);
      long markedId = Long.parseLong(markedRow.get(0).split(" ")[0]);
      Path thumb =
          Path.of(System.getenv("MNEMOSYNE_HOME"), "cache", "derivatives")
              .resolve(markedRow.get(0).split(" ")[1] + "-thumb.jpg");
      assertEquals(200, get("img/item/" + markedId + "/thumb").statusCode());
      assertTrue(Files.isRegularFile(thumb), "thumbnail made: " + thumb);
      assertEquals(200, get("zoom/item/" + markedId + "_files/0/0_0.jpg").statusCode());
      Path pyramid =
          thumb.resolveSibling(thumb.getFileName().toString().replace("-thumb.jpg", "-zoom"));
      assertTrue(Files.isDirectory(pyramid), "deep-zoom tiles made: " + pyramid);
      assertEquals(
          200L, browserPost(d, "api/curate/items/" + markedId + "/withdraw", "reason=test"));
      assertEquals(404, get("api/items/" + markedId).statusCode(), "its page is gone");
      assertEquals(404, get("img/item/" + markedId + "/thumb").statusCode(), "its image too");
      assertEquals(3, matching("collection:mini"), "it left the index");
      assertTrue(!Files.exists(thumb), "its thumbnail was deleted");
      assertTrue(!Files.exists(pyramid), "its deep-zoom tiles too");

      // CSRF: the session cookie alone does not change anything through the API
      org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) d;
      Object without =
          js.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + " fetch('"
                  + base().resolve("api/admin/cache/clear")
                  + "', {method: 'POST'})"
                  + ".then(r => done(r.status)).catch(e => done('failed: ' + e));");
      assertEquals(403L, ((Number) without).longValue(), String.valueOf(without));
      String token = d.findElement(By.id("csrf-token")).getText();
      Object with =
          js.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + " fetch('"
                  + base().resolve("api/admin/cache/clear")
                  + "', {method: 'POST',"
                  + " headers: {'X-Mnemosyne-CSRF': arguments[0]}})"
                  + ".then(r => done(r.status)).catch(e => done('failed: ' + e));",
              token);
      assertEquals(200L, ((Number) with).longValue(), String.valueOf(with));

      // takedown: withdrawing the collection removes it from search
      d.get(base().resolve("admin/index.xhtml").toString());
      d.findElement(By.cssSelector("#collection-table tr[data-slug=mini] input.mn-withdraw"))
          .click();
      d.switchTo().alert().accept();
      deadline = System.nanoTime() + 30_000_000_000L;
      while (System.nanoTime() < deadline && matching != 0) {
        matching =
            json(get("api/search?condition=collection:mini").body())
                .getJsonNumber("matching")
                .longValue();
        Thread.sleep(500);
      }
      assertEquals(0, matching, "a withdrawn collection leaves the index");
      Thread.sleep(2500); // past the index's recheck interval: later tests see the samples only

      // save and publish a condition from the search page
      d.get(
          base()
              .resolve("index.xhtml?c=collection%3Aart%20AND%20year%3A%5B1800%20TO%201900%5D")
              .toString());
      d.findElement(By.id("save:name")).sendKeys("Nineteenth-century paintings");
      d.findElement(By.id("save:publish")).click();
      d.findElement(By.id("save:store")).click();
      new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(30))
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              x ->
                  x.findElement(By.id("saved-conditions"))
                      .getText()
                      .contains("Nineteenth-century paintings"));
    }
    String published = get("api/conditions").body();
    assertTrue(
        published.contains("Nineteenth-century paintings")
            && published.contains("year:[1800 TO 1900]"),
        published);
  }

  /** The first column of every row of a query on the test database, as text. */
  private static List<String> sql(String query, Object... params) throws Exception {
    try (java.sql.Connection c = EmbeddedDatabaseExtension.dataSource().getConnection();
        java.sql.PreparedStatement st = c.prepareStatement(query)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      List<String> out = new java.util.ArrayList<>();
      try (java.sql.ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  /** How many items satisfy a condition, as the search API counts them. */
  private long matching(String condition) throws Exception {
    return json(get("api/search?condition=" + condition).body())
        .getJsonNumber("matching")
        .longValue();
  }

  /** Signs in on the login page (from the admin page, which asks for it). */
  private void signIn(Browser browser, String user, String password) {
    signIn(browser, user, password, "admin/index.xhtml", "#collection-table");
  }

  /** Signs out and waits until the page says so (the next request is anonymous). */
  private static void signOut(Browser browser) {
    browser.driver().findElement(By.id("signout:out")).click();
    browser.waitFor("#signin-link");
  }

  /** Signs in on the login page that {@code page} asks for, then waits for {@code ready}. */
  private void signIn(Browser browser, String user, String password, String page, String ready) {
    WebDriver d = browser.driver();
    d.get(base().resolve(page).toString());
    d.findElement(By.id("login:username")).sendKeys(user);
    d.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
    d.findElement(By.id("login:signin")).click();
    browser.waitFor(ready);
  }

  /**
   * A form POST from the signed-in browser with the session's CSRF token (read from the curation
   * page, which admins and curators see); returns the status code.
   */
  private long browserPost(WebDriver d, String path, String form) {
    if (d.findElements(By.id("csrf-token")).isEmpty()) {
      d.get(base().resolve("curate/index.xhtml").toString());
    }
    String token = d.findElement(By.id("csrf-token")).getText();
    Object status =
        ((org.openqa.selenium.JavascriptExecutor) d)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0], {method: 'POST', headers: {'X-Mnemosyne-CSRF':"
                    + " arguments[1], 'Content-Type': 'application/x-www-form-urlencoded'},"
                    + " body: arguments[2]}).then(r => done(r.status)).catch(e => done(-1));",
                base().resolve(path).toString(),
                token,
                form);
    return ((Number) status).longValue();
  }

  /** A GET from the signed-in browser; returns the body. */
  private String browserGet(WebDriver d, String path) {
    return (String)
        ((org.openqa.selenium.JavascriptExecutor) d)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0]).then(r => r.text()).then(done)"
                    + ".catch(e => done('failed: ' + e));",
                base().resolve(path).toString());
  }

  @Test
  void anAdminOfOneInstitutionManagesOnlyItAndTheSetupPageIsClosed() throws Exception {
    assertEquals(404, get("setup.xhtml").statusCode(), "the portal has an admin already");
    long art = Long.parseLong(sql("SELECT id FROM collection WHERE slug = 'art'").get(0));
    String artInstitution =
        sql("SELECT i.slug FROM institution i JOIN collection c ON c.institution_id = i.id"
                + " WHERE c.slug = 'art'")
            .get(0);
    try (Browser browser = new Browser()) {
      WebDriver d = browser.driver();
      signIn(browser, "admin", "it-admin-password-0001");
      d.get(base().resolve("admin/users.xhtml").toString());
      d.findElement(By.id("newinstitution:slug")).sendKeys("north");
      d.findElement(By.id("newinstitution:name")).sendKeys("North <Museum> & \"Co\"");
      d.findElement(By.id("newinstitution:homepage")).sendKeys("https://north.example");
      d.findElement(By.id("newinstitution:create")).click();
      browser.waitFor("#institution-table");
      assertTrue(
          d.findElement(By.id("institution-table")).getText().contains("North <Museum> & \"Co\""),
          "names are text, never markup");
      d.findElement(By.id("newuser:username")).sendKeys("north-admin");
      d.findElement(By.id("newuser:password")).sendKeys("north-password-0001");
      new org.openqa.selenium.support.ui.Select(d.findElement(By.id("newuser:role")))
          .selectByValue("admin");
      new org.openqa.selenium.support.ui.Select(d.findElement(By.id("newuser:institution")))
          .selectByValue("north");
      d.findElement(By.id("newuser:create")).click();
      browser.waitFor("#user-table tr[data-user=north-admin]");
      assertTrue(
          d.findElement(By.cssSelector("#user-table tr[data-user=north-admin]"))
              .getText()
              .contains("north"));
      browser.screenshot("admin-users-page");
      d.findElement(By.id("newuser:username")).clear();
      d.findElement(By.id("newuser:username")).sendKeys("north-curator");
      d.findElement(By.id("newuser:password")).sendKeys("north-password-0002");
      new org.openqa.selenium.support.ui.Select(d.findElement(By.id("newuser:role")))
          .selectByValue("curator");
      new org.openqa.selenium.support.ui.Select(d.findElement(By.id("newuser:institution")))
          .selectByValue("north");
      d.findElement(By.id("newuser:create")).click();
      browser.waitFor("#user-table tr[data-user=north-curator]");
      signOut(browser);

      // a curator of one institution: the curation page, not the admin area, and only theirs
      signIn(browser, "north-curator", "north-password-0002", "curate/index.xhtml", "#takedown");
      browser.screenshot("curate-page");
      d.get(base().resolve("admin/index.xhtml").toString());
      assertTrue(d.findElements(By.id("collection-table")).isEmpty(), "no admin page for curators");
      long artItem =
          Long.parseLong(
              sql("SELECT i.id FROM item i JOIN collection c ON c.id = i.collection_id"
                      + " WHERE c.slug = 'art' ORDER BY i.id LIMIT 1")
                  .get(0));
      d.get(base().resolve("curate/index.xhtml").toString());
      assertEquals(
          403L,
          browserPost(d, "api/curate/items/" + artItem + "/withdraw", "reason=x"),
          "not their institution's item");
      assertEquals(403L, browserPost(d, "api/admin/cache/clear", ""), "not an admin");
      assertEquals(200, get("api/items/" + artItem).statusCode(), "the item is still shown");
      signOut(browser);

      signIn(browser, "north-admin", "north-password-0001");
      String table = d.findElement(By.id("collection-table")).getText();
      assertTrue(!table.contains("art") && !table.contains("photos"), table);
      assertTrue(d.findElements(By.id("cache")).isEmpty(), "no portal-wide cache controls");
      assertEquals("[]", browserGet(d, "api/admin/collections").strip());
      assertEquals(403L, browserPost(d, "api/admin/collections/" + art + "/withdraw", "reason=x"));
      assertEquals(403L, browserPost(d, "api/admin/cache/clear", ""));
      assertEquals(
          403L,
          browserPost(
              d, "api/admin/collections", "institution=" + artInstitution + "&slug=x&name=X"));
      assertEquals(
          403L,
          browserPost(d, "api/admin/institutions", "slug=south&name=South"),
          "only portal-wide admins create institutions");
      assertEquals(
          200L,
          browserPost(
              d, "api/admin/collections", "institution=north&slug=north-prints&name=Prints"));
      JsonArray mine =
          Json.createReader(new StringReader(browserGet(d, "api/admin/collections"))).readArray();
      assertEquals(1, mine.size(), mine.toString());
      assertEquals("draft", mine.getJsonObject(0).getString("status"));
    }
    assertEquals(1, sql("SELECT 1 FROM collection WHERE id = ? AND status = 'active'", art).size());
  }
}
