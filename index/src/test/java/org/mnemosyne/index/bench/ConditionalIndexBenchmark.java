package org.mnemosyne.index.bench;

import static org.mnemosyne.index.bench.BenchmarkRuns.ROUNDS;
import static org.mnemosyne.index.bench.BenchmarkRuns.format;
import static org.mnemosyne.index.bench.BenchmarkRuns.measure;
import static org.mnemosyne.index.bench.BenchmarkRuns.median;
import static org.mnemosyne.index.bench.BenchmarkRuns.options;
import static org.mnemosyne.index.bench.BenchmarkRuns.secondsSince;
import static org.mnemosyne.index.bench.BenchmarkRuns.warmUp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.SearchResult;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.index.bench.BenchmarkRuns.Method;
import org.mnemosyne.index.engine.IndexFlavor;
import org.mnemosyne.index.engine.SegmentedIndex;
import org.mnemosyne.index.vector.DotProduct;
import org.mnemosyne.index.vector.TopHits;
import org.mnemosyne.index.vector.VectorSupport;

/**
 * Queries per second of exact conditional k-NN on the ANCHORS.md set-up, every method measured in
 * the same process on the same queries, with ratios to SIMD brute force over the subset:
 *
 * <ul>
 *   <li>{@code scalar-bf}, {@code simd-bf}: brute force over the subset (the matching ids computed
 *       once per condition, outside the timing; every match scored), plain Java and Vector API;
 *   <li>{@code simd-bf-filter}: SIMD brute force that tests every item's facet value per query;
 *   <li>{@code paper-tree}: the paper's conditional ball tree (per-node facet bitsets, leaf 64, no
 *       postings fallback);
 *   <li>{@code exact-scan}: postings + SIMD scan of the matches;
 *   <li>{@code bounded-scan}: the best index (planner, 8-bit bounds, best-first partition search).
 * </ul>
 *
 * Every answer of every index is compared with brute force over the filtered set using the
 * canonical dot product (ids in order, first {@code --verify} queries). Single thread. Usage:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Xmx8g -cp ... \
 *   org.mnemosyne.index.bench.ConditionalIndexBenchmark [--n 100000] [--d 512] [--clusters 1000]
 *   [--noise 1.0] [--decay 0] [--k 10] [--queries 400] [--seconds 6] [--verify 100] [--leaf 64]
 *   [--methods scalar-bf,simd-bf,simd-bf-filter,paper-tree,exact-scan,bounded-scan] [--best-leaf 32]
 *   [--postings-maximum 256] [--scan-below 64] [--prefix-energy 0.6]
 * </pre>
 */
public final class ConditionalIndexBenchmark {
  /** Stands for "no condition" in the tables. */
  private static final SyntheticCollection.Target ALL =
      new SyntheticCollection.Target("a", new int[0], 1.0);

  private ConditionalIndexBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args options, see the class description
   */
  public static void main(String[] args) {
    Map<String, String> o = options(args);
    int n = Integer.parseInt(o.getOrDefault("n", "100000"));
    int d = Integer.parseInt(o.getOrDefault("d", "512"));
    int clusters = Integer.parseInt(o.getOrDefault("clusters", "1000"));
    double noise = Double.parseDouble(o.getOrDefault("noise", "1.0"));
    double decay = Double.parseDouble(o.getOrDefault("decay", "0"));
    int k = Integer.parseInt(o.getOrDefault("k", "10"));
    int queryCount = Integer.parseInt(o.getOrDefault("queries", "400"));
    double seconds = Double.parseDouble(o.getOrDefault("seconds", "6"));
    int verify = Integer.parseInt(o.getOrDefault("verify", "100"));
    int leaf = Integer.parseInt(o.getOrDefault("leaf", "64"));
    java.util.Set<String> only =
        java.util.Set.of(
            o.getOrDefault(
                    "methods",
                    "scalar-bf,simd-bf,simd-bf-filter,paper-tree,exact-scan,bounded-scan")
                .split(","));
    System.out.printf(
        Locale.ROOT,
        "JVM %s, %d processors, kernels %s; n=%d d=%d clusters=%d noise=%.2f decay=%.2f k=%d%n",
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors(),
        VectorSupport.describe(),
        n,
        d,
        clusters,
        noise,
        decay,
        k);

    long t0 = System.nanoTime();
    SyntheticCollection c = new SyntheticCollection(n, d, clusters, noise, decay, 50, 20, 1.5, 42);
    List<float[]> queries = c.queries(queryCount, 7);
    System.out.printf(Locale.ROOT, "data generated in %.1f s%n", secondsSince(t0));

    Map<String, Method> methods = new LinkedHashMap<>();
    Map<SyntheticCollection.Target, int[]> subsets = new java.util.IdentityHashMap<>();
    methods.put(
        "scalar-bf",
        (q, t, kk) ->
            ids(BruteForce.search(c, subsets.computeIfAbsent(t, x -> subset(c, x)), q, kk, false)));
    methods.put(
        "simd-bf",
        (q, t, kk) ->
            ids(BruteForce.search(c, subsets.computeIfAbsent(t, x -> subset(c, x)), q, kk, true)));
    methods.put(
        "simd-bf-filter",
        (q, t, kk) ->
            ids(
                t == ALL
                    ? BruteForce.searchFiltering(c, c.valueA, null, q, kk)
                    : BruteForce.searchFiltering(
                        c,
                        "a".equals(t.facet()) ? c.valueA : c.valueB,
                        t.allowed("a".equals(t.facet()) ? c.valuesA : c.valuesB),
                        q,
                        kk)));
    Map<String, IndexFlavor> indexes = new LinkedHashMap<>();
    indexes.put("paper-tree", IndexFlavor.conditionalBallTree("paper-tree", "1", leaf, false));
    indexes.put("exact-scan", IndexFlavor.exactScan("exact-scan", "1"));
    indexes.put(
        "bounded-scan",
        IndexFlavor.boundedScan(
            "bounded-scan",
            "1",
            Integer.parseInt(o.getOrDefault("best-leaf", "32")),
            Integer.parseInt(o.getOrDefault("postings-maximum", "256")),
            Integer.parseInt(o.getOrDefault("scan-below", "64")),
            Double.parseDouble(o.getOrDefault("prefix-energy", "0.6"))));
    indexes.keySet().removeIf(name -> !only.contains(name));
    Map<String, SegmentedIndex> built = new LinkedHashMap<>();
    for (var e : indexes.entrySet()) {
      long b0 = System.nanoTime();
      SegmentedIndex index =
          SegmentedIndex.build(e.getValue(), c, ProgressListener.NONE, CancellationToken.NONE);
      System.out.printf(
          Locale.ROOT,
          "%s built in %.1f s, %.0f MB%n",
          e.getKey(),
          secondsSince(b0),
          index.bytes() / 1e6);
      built.put(e.getKey(), index);
      methods.put(
          e.getKey(),
          (q, t, kk) -> {
            SearchResult r = index.search(q, t == ALL ? Condition.ALL : t.condition(), kk);
            List<Long> out = new ArrayList<>();
            r.hits().forEach(h -> out.add(h.itemId()));
            return out;
          });
    }
    methods.keySet().removeIf(m -> !only.contains(m));

    List<String> rows = new ArrayList<>();
    double[] targets = {1.0, 0.42, 0.10, 0.01, 0.001};
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
      Map<String, Double> qps = new LinkedHashMap<>();
      Map<String, String> notes = new LinkedHashMap<>();
      for (var m : methods.entrySet()) {
        warmUp(m.getValue(), queries, t, k, seconds / 6);
      }
      // Rounds interleave the methods, so that drift (JIT, other processes) hits all alike; each
      // method reports its median round.
      Map<String, double[]> rounds = new LinkedHashMap<>();
      for (int round = 0; round < ROUNDS; round++) {
        for (var m : methods.entrySet()) {
          rounds.computeIfAbsent(m.getKey(), x -> new double[ROUNDS])[round] =
              measure(m.getValue(), queries, t, k, seconds / ROUNDS);
        }
      }
      rounds.forEach((name, r) -> qps.put(name, median(r)));
      for (var e : built.entrySet()) {
        notes.put(e.getKey(), verifyAndDescribe(e.getValue(), c, queries, t, k, verify));
      }
      StringBuilder row = new StringBuilder("| ").append(label);
      double simd = qps.getOrDefault("simd-bf", Double.NaN);
      for (var e : qps.entrySet()) {
        row.append(
            String.format(Locale.ROOT, " | %s (%.2f×)", format(e.getValue()), e.getValue() / simd));
      }
      row.append(" |");
      rows.add(row.toString());
      System.out.println(row);
      notes.forEach((name, note) -> System.out.println("    " + name + ": " + note));
    }
    System.out.println();
    System.out.println("queries/s (ratio to simd-bf), k=" + k + ", 1 thread");
    StringBuilder header = new StringBuilder("| selectivity (condition)");
    StringBuilder rule = new StringBuilder("| ---");
    for (String m : methods.keySet()) {
      header.append(" | ").append(m);
      rule.append(" | ---");
    }
    System.out.println(header.append(" |"));
    System.out.println(rule.append(" |"));
    rows.forEach(System.out::println);
  }

  private static int[] subset(SyntheticCollection c, SyntheticCollection.Target t) {
    if (t == ALL) {
      return BruteForce.subset(c, c.valueA, null);
    }
    int[] facet = "a".equals(t.facet()) ? c.valueA : c.valueB;
    return BruteForce.subset(c, facet, t.allowed("a".equals(t.facet()) ? c.valuesA : c.valuesB));
  }

  private static List<Long> ids(TopHits hits) {
    List<Long> out = new ArrayList<>();
    for (Hit h : hits.toHits()) {
      out.add(h.itemId());
    }
    return out;
  }

  /** Checks ids against brute force with canonical scores; describes the modes and work. */
  private static String verifyAndDescribe(
      SegmentedIndex index,
      SyntheticCollection c,
      List<float[]> queries,
      SyntheticCollection.Target t,
      int k,
      int verify) {
    int exact = 0;
    int checked = Math.min(verify, queries.size());
    Map<String, Integer> modes = new LinkedHashMap<>();
    long scored = 0;
    long nodes = 0;
    for (int i = 0; i < checked; i++) {
      float[] q = queries.get(i);
      SearchResult r = index.search(q, t == ALL ? Condition.ALL : t.condition(), k);
      modes.merge(r.mode(), 1, Integer::sum);
      scored += r.vectorsScored();
      nodes += r.nodesVisited();
      if (canonicalOracle(c, t, q, k).equals(r.hits())) {
        exact++;
      }
    }
    return String.format(
        Locale.ROOT,
        "exact %d/%d, modes %s, vectors scored %.0f, nodes %.0f per query",
        exact,
        checked,
        modes,
        scored / (double) checked,
        nodes / (double) checked);
  }

  private static List<Hit> canonicalOracle(
      SyntheticCollection c, SyntheticCollection.Target t, float[] q, int k) {
    TopHits hits = new TopHits(k, c.n);
    boolean[] allowed = t == ALL ? null : t.allowed("a".equals(t.facet()) ? c.valuesA : c.valuesB);
    int[] facet = t == ALL || "a".equals(t.facet()) ? c.valueA : c.valueB;
    for (int i = 0; i < c.n; i++) {
      if (allowed == null || allowed[facet[i]]) {
        hits.offer(DotProduct.dot(q, 0, c.vectors, i * c.d, c.d), i);
      }
    }
    return hits.toHits();
  }
}
