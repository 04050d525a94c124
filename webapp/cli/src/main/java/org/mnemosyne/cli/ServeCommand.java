package org.mnemosyne.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.mnemosyne.db.embedded.DatabaseSettings;
import org.mnemosyne.runtime.config.ConfigKey;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginProblem;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mnemosyne serve}: the portal. In order, stopping at the first failure with one message:
 * resolve configuration; start the embedded PostgreSQL (or check the configured one); migrate the
 * schema; boot Payara Micro as a child process with the WAR, bound to the configured address, with
 * the connection settings in its environment; wait until {@code /api/health} answers. Ctrl-C stops
 * Payara, then the database.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the portal (embedded PostgreSQL unless mnemosyne.db.url is set).")
final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--port", description = "HTTP port (default 8080, or mnemosyne.http.port).")
  Integer port;

  @Option(
      names = "--host",
      description = "Address to bind (default 127.0.0.1, or mnemosyne.http.host).")
  String host;

  @Option(names = "--db-url", description = "JDBC URL of an external PostgreSQL.")
  String dbUrl;

  @Option(
      names = "--startup-timeout",
      defaultValue = "300",
      description = "Seconds to wait for the portal to answer (default ${DEFAULT-VALUE}).")
  int startupTimeout;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    MnemosyneConfig config = common.config();
    if (dbUrl != null) {
      config = config.with(Map.of(ConfigKey.DB_URL.key(), dbUrl));
    }
    int httpPort = port != null ? port : config.getInt(ConfigKey.HTTP_PORT, 8080);
    String bind = host != null ? host : config.get(ConfigKey.HTTP_HOST, "127.0.0.1");
    List<String> jvm = ServerJvmOptions.of(config); // a bad value stops here, before anything runs
    DataLayout layout = DataLayout.from(config).ensureCreated();
    Distribution dist = Distribution.locate();

    PluginRegistry registry =
        PluginRegistry.load(ServeCommand.class.getClassLoader(), config, layout);
    for (PluginProblem p : registry.problems()) {
      spec.commandLine().getErr().println("warning: plugin skipped: " + p);
    }

    long start = System.nanoTime();
    CommandDatabase db = CommandDatabase.open(config, layout, out, false);
    try {
      Process payara = startPayara(dist, jvm, layout, db.settings(), bind, httpPort);
      SampleImport samples = new SampleImport(config, layout, registry, db.dataSource(), out);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    samples
                        .stop(); // finish the current batch and record it before the database stops
                    stop(payara, db);
                  },
                  "mnemosyne-shutdown"));
      String url = "http://" + (bind.equals("0.0.0.0") ? "127.0.0.1" : bind) + ":" + httpPort + "/";
      if (!awaitHealthy(payara, URI.create(url + "api/health"))) {
        stop(payara, null);
        throw new IllegalStateException(
            "the portal did not come up (see the server log above); nothing is left running");
      }
      out.printf(
          "Mnemosyne is ready at %s (%.1f s after start)%n",
          url, (System.nanoTime() - start) / 1e9);
      out.flush();
      samples.startInBackground();
      return payara.waitFor() == 0 ? 0 : 1;
    } catch (RuntimeException | IOException e) {
      db.close();
      throw e;
    }
  }

  private Process startPayara(
      Distribution dist,
      List<String> jvm,
      DataLayout layout,
      DatabaseSettings db,
      String bind,
      int httpPort)
      throws IOException {
    Path preboot = Files.createTempFile("mnemosyne-preboot", ".asadmin");
    preboot.toFile().deleteOnExit();
    Files.writeString(
        preboot,
        "set configs.config.server-config.network-config.network-listeners.network-listener"
            + ".http-listener.address="
            + bind
            + "\n");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.add("-Dai.djl.offline=true");
    cmd.add("--add-modules"); // the index's SIMD kernels; without it they fall back to scalar code
    cmd.add("jdk.incubator.vector");
    cmd.addAll(
        List.of(
            "-jar",
            dist.payaraMicro().toString(),
            "--deploy",
            dist.war().toString(),
            "--contextroot",
            "/",
            "--port",
            String.valueOf(httpPort),
            "--nocluster",
            "--nohazelcast",
            "--prebootcommandfile",
            preboot.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
    Map<String, String> env = pb.environment();
    env.put(ConfigKey.DB_URL.environmentName(), db.url());
    env.put(ConfigKey.DB_USER.environmentName(), db.user());
    env.put(ConfigKey.DB_PASSWORD.environmentName(), db.password());
    env.put(ConfigKey.HOME.environmentName(), layout.home().toString());
    env.put(ConfigKey.PLUGINS_DIR.environmentName(), layout.pluginsDir().toString());
    layout
        .sharedDir()
        .ifPresent(s -> env.put(ConfigKey.SHARED_DIR.environmentName(), s.toString()));
    layout.modelDir().ifPresent(m -> env.put(ConfigKey.MODEL_DIR.environmentName(), m.toString()));
    env.putIfAbsent("DJL_CACHE_DIR", layout.cacheDir().resolve("djl").toString());
    return pb.start();
  }

  private boolean awaitHealthy(Process payara, URI health) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(startupTimeout);
    while (System.nanoTime() < deadline) {
      if (!payara.isAlive()) {
        return false;
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    return false;
  }

  private static void stop(Process payara, CommandDatabase db) {
    if (payara.isAlive()) {
      payara.destroy();
      try {
        if (!payara.waitFor(30, TimeUnit.SECONDS)) {
          payara.destroyForcibly();
        }
      } catch (InterruptedException e) {
        payara.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (db != null) {
      db.close();
    }
  }
}
