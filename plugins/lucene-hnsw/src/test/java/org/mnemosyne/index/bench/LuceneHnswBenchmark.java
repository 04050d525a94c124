package org.mnemosyne.index.bench;

import static org.mnemosyne.index.bench.BenchmarkRuns.ROUNDS;
import static org.mnemosyne.index.bench.BenchmarkRuns.format;
import static org.mnemosyne.index.bench.BenchmarkRuns.measure;
import static org.mnemosyne.index.bench.BenchmarkRuns.median;
import static org.mnemosyne.index.bench.BenchmarkRuns.options;
import static org.mnemosyne.index.bench.BenchmarkRuns.secondsSince;
import static org.mnemosyne.index.bench.BenchmarkRuns.warmUp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.SearchResult;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.index.TestContext;
import org.mnemosyne.index.bounded.BoundedScanIndexProvider;
import org.mnemosyne.index.vector.TopHits;
import org.mnemosyne.index.vector.VectorSupport;
import org.mnemosyne.plugins.lucene.LuceneHnswIndexProvider;

/**
 * Queries per second and recall@10 of the approximate {@code lucene-hnsw} plugin next to the exact
 * {@code bounded-scan} provider and brute force, on the data of {@link ConditionalIndexBenchmark}
 * (its {@link SyntheticCollection} and {@link BruteForce}, hence this package), every method
 * measured in the same process on the same queries, with ratios to SIMD brute force over the
 * subset:
 *
 * <ul>
 *   <li>{@code simd-bf}: brute force over the subset, the matching ids computed once per condition
 *       outside the timing (the reference of every ratio);
 *   <li>{@code simd-bf-filter}: the same scoring, testing every item's facet value per query;
 *   <li>{@code bounded-scan}: the best exact index;
 *   <li>{@code lucene-hnsw c=N}: the plugin with {@code N} candidates (Lucene's k); the index is
 *       built once with the first value, saved, and loaded again for each other value.
 * </ul>
 *
 * Recall@10 is measured against exact brute force on every query of the row. Single thread (Lucene
 * merges in background threads while building). With {@code --cache DIR} the built Lucene index is
 * saved there and loaded by later runs with the same data and graph parameters. Usage:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Xmx8g -cp ... \
 *   org.mnemosyne.index.bench.LuceneHnswBenchmark [--n 100000] [--d 512] [--clusters 1000]
 *   [--noise 1.0] [--decay 0] [--k 10] [--queries 400] [--seconds 6] [--candidates 10,100]
 *   [--m 16] [--beam-width 100] [--cache DIR]
 * </pre>
 */
public final class LuceneHnswBenchmark {
  private static final SyntheticCollection.Target ALL =
      new SyntheticCollection.Target("a", new int[0], 1.0);

  private LuceneHnswBenchmark() {}

  /** A method under test; its answers are hits, so that recall can be measured. */
  private interface Method extends BenchmarkRuns.Method {
    @Override
    List<Hit> search(float[] q, SyntheticCollection.Target target, int k);
  }

  /**
   * Runs the benchmark.
   *
   * @param args options, see the class description
   * @throws Exception if an index cannot be saved or loaded
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    int n = Integer.parseInt(o.getOrDefault("n", "100000"));
    int d = Integer.parseInt(o.getOrDefault("d", "512"));
    int clusters = Integer.parseInt(o.getOrDefault("clusters", "1000"));
    double noise = Double.parseDouble(o.getOrDefault("noise", "1.0"));
    double decay = Double.parseDouble(o.getOrDefault("decay", "0"));
    int k = Integer.parseInt(o.getOrDefault("k", "10"));
    int queryCount = Integer.parseInt(o.getOrDefault("queries", "400"));
    double seconds = Double.parseDouble(o.getOrDefault("seconds", "6"));
    String m = o.getOrDefault("m", "16");
    String beam = o.getOrDefault("beam-width", "100");
    String[] candidates = o.getOrDefault("candidates", "10,100").split(",");
    System.out.printf(
        Locale.ROOT,
        "JVM %s, %d processors, kernels %s; n=%d d=%d clusters=%d noise=%.2f decay=%.2f k=%d;"
            + " HNSW m=%s beam-width=%s%n",
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors(),
        VectorSupport.describe(),
        n,
        d,
        clusters,
        noise,
        decay,
        k,
        m,
        beam);

    long t0 = System.nanoTime();
    SyntheticCollection c = new SyntheticCollection(n, d, clusters, noise, decay, 50, 20, 1.5, 42);
    List<float[]> queries = c.queries(queryCount, 7);
    System.out.printf(Locale.ROOT, "data generated in %.1f s%n", secondsSince(t0));

    Map<String, Method> methods = new LinkedHashMap<>();
    Map<SyntheticCollection.Target, int[]> subsets = new java.util.IdentityHashMap<>();
    methods.put(
        "simd-bf",
        (q, t, kk) ->
            BruteForce.search(c, subsets.computeIfAbsent(t, x -> subset(c, x)), q, kk, true)
                .toHits());
    methods.put("simd-bf-filter", (q, t, kk) -> filtered(c, t, q, kk).toHits());

    long b0 = System.nanoTime();
    ConditionalIndex bounded =
        new BoundedScanIndexProvider()
            .build(null, c, ProgressListener.NONE, CancellationToken.NONE);
    System.out.printf(Locale.ROOT, "bounded-scan built in %.1f s%n", secondsSince(b0));
    methods.put("bounded-scan", indexMethod(bounded));

    Map<String, ConditionalIndex> lucene = new LinkedHashMap<>();
    Path cache =
        o.containsKey("cache")
            ? Files.createDirectories(Path.of(o.get("cache")))
            : Files.createTempDirectory("lucene-hnsw-bench");
    Path saved =
        cache.resolve(
            String.format(
                Locale.ROOT,
                "lucene-hnsw-n%d-d%d-c%d-noise%.2f-decay%.2f-m%s-beam%s.mnix",
                n,
                d,
                clusters,
                noise,
                decay,
                m,
                beam));
    for (String cand : candidates) {
      TestContext context =
          new TestContext(
              Map.of(
                  "mnemosyne.plugin.lucene-hnsw.m", m,
                  "mnemosyne.plugin.lucene-hnsw.beam-width", beam,
                  "mnemosyne.plugin.lucene-hnsw.candidates", cand.trim()));
      LuceneHnswIndexProvider provider = new LuceneHnswIndexProvider();
      ConditionalIndex index;
      long l0 = System.nanoTime();
      if (Files.exists(saved)) {
        index = provider.load(context, saved, c.modelId(), d);
        System.out.printf(
            Locale.ROOT, "lucene-hnsw loaded from %s in %.1f s%n", saved, secondsSince(l0));
      } else {
        index = provider.build(context, c, ProgressListener.NONE, CancellationToken.NONE);
        System.out.printf(
            Locale.ROOT,
            "lucene-hnsw built in %.1f s (one thread indexing, then merged to one segment)%n",
            secondsSince(l0));
        index.save(saved);
        System.out.printf(Locale.ROOT, "  saved: %s, %.0f MB%n", saved, Files.size(saved) / 1e6);
      }
      String name = "lucene-hnsw c=" + cand.trim();
      lucene.put(name, index);
      methods.put(name, indexMethod(index));
    }

    List<String> rows = new ArrayList<>();
    double[] targets = {1.0, 0.45, 0.10, 0.01, 0.001};
    for (double target : targets) {
      SyntheticCollection.Target t = target >= 1.0 ? ALL : c.closest(target);
      String label =
          t == ALL
              ? "100 % (no condition)"
              : String.format(
                  Locale.ROOT,
                  "%.3g %% (%s)",
                  100 * t.selectivity(),
                  t.condition().toQueryString());
      List<Set<Long>> truth = new ArrayList<>();
      for (float[] q : queries) {
        truth.add(ids(filtered(c, t, q, k).toHits()));
      }
      for (var e : methods.entrySet()) {
        warmUp(e.getValue(), queries, t, k, seconds / 6);
      }
      Map<String, double[]> rounds = new LinkedHashMap<>();
      for (int round = 0; round < ROUNDS; round++) {
        for (var e : methods.entrySet()) {
          rounds.computeIfAbsent(e.getKey(), x -> new double[ROUNDS])[round] =
              measure(e.getValue(), queries, t, k, seconds / ROUNDS);
        }
      }
      double simd = median(rounds.get("simd-bf"));
      StringBuilder row = new StringBuilder("| ").append(label);
      for (var e : methods.entrySet()) {
        double qps = median(rounds.get(e.getKey()));
        double recall = recall(e.getValue(), queries, t, k, truth);
        row.append(
            String.format(Locale.ROOT, " | %s (%.2f×) r=%.3f", format(qps), qps / simd, recall));
      }
      rows.add(row.append(" |").toString());
      System.out.println(row);
      for (var e : lucene.entrySet()) {
        System.out.println("    " + e.getKey() + ": " + describe(e.getValue(), queries, t, k));
      }
    }
    System.out.println();
    System.out.println(
        "queries/s (ratio to simd-bf) r=recall@"
            + k
            + " over "
            + queryCount
            + " queries, 1 thread");
    StringBuilder header = new StringBuilder("| selectivity (condition)");
    StringBuilder rule = new StringBuilder("| ---");
    for (String name : methods.keySet()) {
      header.append(" | ").append(name);
      rule.append(" | ---");
    }
    System.out.println(header.append(" |"));
    System.out.println(rule.append(" |"));
    rows.forEach(System.out::println);
    bounded.close();
    lucene.values().forEach(ConditionalIndex::close);
  }

  private static Method indexMethod(ConditionalIndex index) {
    return (q, t, kk) -> index.search(q, t == ALL ? Condition.ALL : t.condition(), kk).hits();
  }

  private static int[] subset(SyntheticCollection c, SyntheticCollection.Target t) {
    if (t == ALL) {
      return BruteForce.subset(c, c.valueA, null);
    }
    boolean a = "a".equals(t.facet());
    return BruteForce.subset(c, a ? c.valueA : c.valueB, t.allowed(a ? c.valuesA : c.valuesB));
  }

  private static TopHits filtered(
      SyntheticCollection c, SyntheticCollection.Target t, float[] q, int k) {
    if (t == ALL) {
      return BruteForce.searchFiltering(c, c.valueA, null, q, k);
    }
    boolean a = "a".equals(t.facet());
    return BruteForce.searchFiltering(
        c, a ? c.valueA : c.valueB, t.allowed(a ? c.valuesA : c.valuesB), q, k);
  }

  private static Set<Long> ids(List<Hit> hits) {
    Set<Long> out = new HashSet<>();
    hits.forEach(h -> out.add(h.itemId()));
    return out;
  }

  /** Mean fraction of the true top k found, over all queries. */
  private static double recall(
      Method m, List<float[]> queries, SyntheticCollection.Target t, int k, List<Set<Long>> truth) {
    double sum = 0;
    for (int i = 0; i < queries.size(); i++) {
      Set<Long> want = truth.get(i);
      if (want.isEmpty()) {
        sum += 1;
        continue;
      }
      long found =
          m.search(queries.get(i), t, k).stream().filter(h -> want.contains(h.itemId())).count();
      sum += found / (double) want.size();
    }
    return sum / queries.size();
  }

  /** The plans Lucene chose and the vectors it scored per query. */
  private static String describe(
      ConditionalIndex index, List<float[]> queries, SyntheticCollection.Target t, int k) {
    Map<String, Integer> modes = new TreeMap<>();
    long scored = 0;
    long visited = 0;
    for (float[] q : queries) {
      SearchResult r = index.search(q, t == ALL ? Condition.ALL : t.condition(), k);
      modes.merge(r.mode(), 1, Integer::sum);
      scored += r.vectorsScored();
      visited += r.nodesVisited();
    }
    return String.format(
        Locale.ROOT,
        "modes %s, vectors scored %.0f, graph nodes visited %.0f per query",
        modes,
        scored / (double) queries.size(),
        visited / (double) queries.size());
  }
}
