package org.mnemosyne.web.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.db.embedding.DatabaseVectorSource;
import org.mnemosyne.db.jdbc.Transactor;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Load on a running portal (127.0.0.1 only) next to the raw index rate measured in the same process
 * on the same vectors: {@code /api/search} by item with a mix of conditions, the search page
 * itself, and a cached explanation, each by 32 concurrent clients for a bounded time; requests/s
 * and p50/p95/p99 latency.
 *
 * <p>Arguments: base URL (e.g. {@code http://127.0.0.1:8080/}), JDBC URL, user, password, seconds
 * per phase, model id, model version, and optionally {@code --raw-only} (only the index rate; on 2
 * cores the Java client itself takes a core, so {@code src/test/bench/portal-load.sh} drives the
 * HTTP load with wrk and calls this for the raw rate).
 */
public final class PortalLoadBenchmark {
  private static final List<String> CONDITIONS =
      List.of(
          "*",
          "collection:photos",
          "collection:art AND year:[1800 TO 1900]",
          "NOT collection:clipart",
          "subject:animal OR subject:plant");
  private static final int CLIENTS = 32;

  private PortalLoadBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    if (!"127.0.0.1".equals(base.getHost())) {
      throw new IllegalArgumentException("load is only ever sent to 127.0.0.1");
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(args[1]);
    ds.setUser(args[2]);
    ds.setPassword(args[3]);
    int seconds = Integer.parseInt(args[4]);
    DatabaseVectorSource source = new DatabaseVectorSource(new Transactor(ds), args[5], args[6]);
    List<IndexedItem> items = new ArrayList<>();
    source.scan(items::add);
    System.out.printf("items: %d, clients: %d, %d s per phase%n", items.size(), CLIENTS, seconds);

    // raw index, same process, same provider as the portal
    MnemosyneConfig config =
        MnemosyneConfig.of(Map.of("mnemosyne.home", System.getProperty("java.io.tmpdir")));
    PluginRegistry registry =
        PluginRegistry.load(
            PortalLoadBenchmark.class.getClassLoader(), config, DataLayout.from(config));
    IndexProvider provider = registry.require(IndexProvider.class, "bounded-scan");
    ConditionalIndex index =
        provider.build(
            registry.contextFor(provider), source, ProgressListener.NONE, CancellationToken.NONE);
    List<Condition> parsed =
        CONDITIONS.stream().map(c -> Condition.parse(c, source.schema()).normalize()).toList();
    Random rnd = new Random(1);
    for (int i = 0; i < 2000; i++) { // warm-up
      index.search(items.get(rnd.nextInt(items.size())).vector(), parsed.get(i % 5), 25);
    }
    double raw1 = rawRate(index, items, parsed, 1, seconds);
    double raw2 = rawRate(index, items, parsed, 2, seconds);
    System.out.printf(
        "raw index (bounded-scan, k=25): 1 thread %.0f q/s, 2 threads %.0f q/s%n", raw1, raw2);
    if (args.length > 7 && args[7].equals("--raw-only")) {
      return; // the HTTP load comes from wrk (portal-load.sh): a Java client takes a core here
    }

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    IntFunction<HttpRequest> search =
        i -> {
          IndexedItem it = items.get(Math.floorMod(i * 7919, items.size()));
          String c = CONDITIONS.get(Math.floorMod(i, CONDITIONS.size()));
          return HttpRequest.newBuilder(
                  base.resolve(
                      "api/search?k=24&item="
                          + it.id()
                          + "&condition="
                          + java.net.URLEncoder.encode(c, java.nio.charset.StandardCharsets.UTF_8)))
              .build();
        };
    run(http, "warm-up", search, Math.max(3, seconds / 3));
    Result api = run(http, "GET /api/search (by item, 5 conditions)", search, seconds);
    System.out.printf("ratio HTTP search / raw index (2 threads): %.3f%n", api.rate / raw2);

    IntFunction<HttpRequest> page =
        i -> {
          IndexedItem it = items.get(Math.floorMod(i * 104729, items.size()));
          return HttpRequest.newBuilder(
                  base.resolve("index.xhtml?item=" + it.id() + "&c=collection%3Aphotos"))
              .build();
        };
    run(http, "warm-up", page, Math.max(3, seconds / 3));
    run(http, "GET index.xhtml (search page, 24 results)", page, seconds);

    String form =
        "queryItem="
            + items.get(0).id()
            + "&targetItem="
            + items.get(1).id()
            + "&explainer=kernel-shap&order=FIRST&grid=4&budget=64&seed=5";
    HttpRequest explain =
        HttpRequest.newBuilder(base.resolve("api/explanations"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    for (int tries = 0; tries < 600; tries++) { // compute it once
      if (http.send(explain, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
        break;
      }
      Thread.sleep(200);
    }
    run(http, "POST /api/explanations (cached)", i -> explain, seconds);
  }

  private static double rawRate(
      ConditionalIndex index,
      List<IndexedItem> items,
      List<Condition> conditions,
      int threads,
      int seconds)
      throws InterruptedException {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      Thread th =
          new Thread(
              () -> {
                Random r = new Random(seed);
                long n = 0;
                while (System.nanoTime() < end) {
                  index.search(
                      items.get(r.nextInt(items.size())).vector(),
                      conditions.get((int) (n % conditions.size())),
                      25);
                  n++;
                }
                done.addAndGet(n);
              });
      th.start();
      ts.add(th);
    }
    for (Thread th : ts) {
      th.join();
    }
    return done.get() / (double) seconds;
  }

  private record Result(double rate, long errors) {}

  private static Result run(
      HttpClient http, String what, IntFunction<HttpRequest> requests, int seconds)
      throws InterruptedException {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong errors = new AtomicLong();
    AtomicLong counter = new AtomicLong();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      Thread t =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  int i = (int) counter.getAndIncrement();
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<byte[]> r =
                        http.send(requests.apply(i), HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  latencies.add(System.nanoTime() - t0);
                }
              });
      t.start();
      clients.add(t);
    }
    for (Thread t : clients) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double rate = sorted.size() / elapsed;
    if (!what.equals("warm-up")) {
      System.out.printf(
          "%-45s %7.1f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  errors %d of %d%n",
          what,
          rate,
          pct(sorted, 0.50),
          pct(sorted, 0.95),
          pct(sorted, 0.99),
          errors.get(),
          sorted.size());
    }
    return new Result(rate, errors.get());
  }

  private static double pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size()))) / 1e6;
  }
}
