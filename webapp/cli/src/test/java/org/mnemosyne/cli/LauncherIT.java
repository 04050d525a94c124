package org.mnemosyne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution, run as a user runs it: {@code bin/mnemosyne ...} in a child process, with
 * a fresh home directory, traffic on 127.0.0.1 only.
 */
class LauncherIT {
  private static final Path DIST = Path.of(System.getProperty("mnemosyne.dist.dir"));
  private static final Path SHARED = Path.of(System.getProperty("mnemosyne.shared.dir"));
  private static final Path EXAMPLE_PLUGINS = DIST.resolve("example-plugins");

  @TempDir Path home;

  private record Run(int exit, String output) {}

  private ProcessBuilder command(String... args) {
    List<String> cmd = new ArrayList<>(List.of("bash", DIST.resolve("bin/mnemosyne").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("MNEMOSYNE_HOME", home.toString());
    pb.environment().put("MNEMOSYNE_SHARED_DIR", SHARED.toString());
    pb.environment().remove("MNEMOSYNE_DB_URL");
    pb.environment().remove("MNEMOSYNE_ADMIN_PASSWORD"); // the first start offers the setup page
    // The first-start sample import has its own tests (db module); keep these runs light.
    pb.environment().put("MNEMOSYNE_SAMPLES_IMPORT", "false");
    return pb;
  }

  private Run run(String... args) throws Exception {
    Path log = Files.createTempFile(home, "run", ".log");
    Process p = command(args).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "command finished in time");
    return new Run(p.exitValue(), Files.readString(log));
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static boolean listening(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void pluginsListsBuiltInsAndTheExternalJar() throws Exception {
    Run r = run("plugins", "--plugins-dir", EXAMPLE_PLUGINS.toString());
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().matches("(?s).*model\\s+djl\\s.*built-in.*"), r.output());
    assertTrue(r.output().matches("(?s).*explainer\\s+occlusion\\s.*plugin jar.*"), r.output());
  }

  @Test
  void pluginsReportsABrokenJarAndFails() throws Exception {
    Path dir = Files.createDirectories(home.resolve("broken-plugins"));
    Files.writeString(dir.resolve("oops.jar"), "not a jar");
    Run r = run("plugins", "--plugins-dir", dir.toString());
    assertEquals(1, r.exit(), r.output());
    assertTrue(r.output().contains("skipped oops.jar: not a valid jar"), r.output());
  }

  @Test
  void explainRunsTheExternalPluginOnTheRealModel() throws Exception {
    Path images = SHARED.resolve("data/testimages");
    Run r =
        run(
            "explain",
            "--plugins-dir",
            EXAMPLE_PLUGINS.toString(),
            "--explainer",
            "occlusion",
            "--query",
            images.resolve("cat.bmp").toString(),
            "--target",
            images.resolve("owl.jpg").toString(),
            "--grid",
            "3x3",
            "--side",
            "target");
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("explainer occlusion 1.0.0"), r.output());
    assertTrue(r.output().contains("target map:"), r.output());
    assertTrue(r.output().contains("evaluations = 11"), r.output()); // 2 + 3x3
  }

  @Test
  void serveWithAnUnreachableDatabaseFailsClearlyAndStartsNothing() throws Exception {
    int dbPort = freePort();
    int httpPort = freePort();
    Run r =
        run(
            "serve",
            "--port",
            String.valueOf(httpPort),
            "--db-url",
            "jdbc:postgresql://127.0.0.1:" + dbPort + "/nope");
    assertEquals(1, r.exit(), r.output());
    assertTrue(r.output().contains("cannot connect to PostgreSQL at"), r.output());
    assertFalse(listening(httpPort), "no server was started");
  }

  @Test
  void serveStartsThePortalAndKeepsDataAcrossARestart() throws Exception {
    int httpPort = freePort();
    int pgPort = freePort();
    for (int start = 1; start <= 2; start++) {
      Path log = home.resolve("serve-" + start + ".log");
      ProcessBuilder pb =
          command(
                  "serve",
                  "--port",
                  String.valueOf(httpPort),
                  "--plugins-dir",
                  EXAMPLE_PLUGINS.toString())
              .redirectOutput(log.toFile());
      pb.environment().put("MNEMOSYNE_DB_EMBEDDED_PORT", String.valueOf(pgPort));
      Process serve = pb.start();
      try {
        awaitReady(serve, log);
        HttpClient http = HttpClient.newHttpClient();
        String info =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/info"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(info.contains("\"starts\":" + start), info);
        assertTrue(info.contains("\"name\":\"occlusion\""), info);
        String page =
            http.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/status.xhtml"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(page.contains("What is running"), page);
        String search =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(search.contains("Search the collections"), search);
        if (start == 1) {
          setUpTheFirstAdmin(httpPort, log);
        } else {
          assertEquals(404, status(http, httpPort, "setup.xhtml"), "set up once, for good");
          assertFalse(Files.readString(log).contains("setup code"), "no new code offered");
        }
      } finally {
        serve.destroy(); // SIGTERM, as Ctrl-C would
        assertTrue(serve.waitFor(90, TimeUnit.SECONDS), "serve stopped");
      }
      assertFalse(listening(httpPort), "portal stopped");
      assertFalse(listening(pgPort), "database stopped");
    }
  }

  private static void awaitReady(Process serve, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      String out = Files.readString(log);
      if (out.contains("Mnemosyne is ready at")) {
        return;
      }
      assertTrue(serve.isAlive(), "serve exited early:\n" + out);
      Thread.sleep(500);
    }
    throw new AssertionError("not ready in time:\n" + Files.readString(log));
  }

  private static int status(HttpClient http, int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * The one-time setup page as an operator uses it: the code from the server's log (and home
   * folder), a wrong code refused, the right one creating the admin, then the page gone.
   */
  private void setUpTheFirstAdmin(int port, Path log) throws Exception {
    Path codeFile = home.resolve("setup-code.txt");
    assertTrue(Files.isRegularFile(codeFile), "setup code written for the operator");
    String code = Files.readString(codeFile).strip();
    assertTrue(Files.readString(log).contains(code), "and shown in the server log");
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<String> wrong = submitSetup(http, port, "AAAA-BBBB-CCCC");
    assertEquals(200, wrong.statusCode());
    assertTrue(wrong.body().contains("wrong setup code"), wrong.body());
    HttpResponse<String> right = submitSetup(http, port, code.toLowerCase(java.util.Locale.ROOT));
    assertEquals(302, right.statusCode(), right.body());
    assertTrue(
        right.headers().firstValue("Location").orElse("").contains("login.xhtml?setup=done"),
        right.headers().toString());
    assertEquals(404, status(http, port, "setup.xhtml"), "the page is gone once used");
    assertFalse(Files.exists(codeFile), "the code file is deleted");
  }

  private static HttpResponse<String> submitSetup(HttpClient http, int port, String code)
      throws Exception {
    URI page = URI.create("http://127.0.0.1:" + port + "/setup.xhtml");
    String form =
        http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
            .matcher(form);
    assertTrue(m.find(), form);
    String body =
        String.join(
            "&",
            "setup=setup",
            "setup%3Acode=" + enc(code),
            "setup%3Ausername=owner",
            "setup%3Apassword=" + enc("owner-password-0001"),
            "setup%3Arepeated=" + enc("owner-password-0001"),
            "setup%3Acreate=",
            "jakarta.faces.ViewState=" + enc(m.group(1)));
    return http.send(
        HttpRequest.newBuilder(page)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
