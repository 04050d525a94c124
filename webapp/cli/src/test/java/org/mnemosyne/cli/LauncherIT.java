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
}
