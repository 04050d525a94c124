package org.mnemosyne.index.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.index.bounded.BoundedScanIndexProvider;
import org.mnemosyne.index.scan.ExactScanIndexProvider;
import org.mnemosyne.index.tree.ConditionalBallTreeProvider;
import org.mnemosyne.index.vector.VectorSupport;

/**
 * The side-by-side benchmark ({@link SideBySide}) on the synthetic clustered collection with the
 * built-in providers only, without the CLI (for profiling inside the index module). {@code
 * mnemosyne index bench} runs the same code with plugins. Usage:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Xmx8g -cp ... \
 *   org.mnemosyne.index.bench.ConditionalIndexBenchmark [--n 100000] [--d 512] [--clusters 1000]
 *   [--decay 0] [--k 10] [--queries 400] [--seconds 6] [--verify 50] [--threads 1]
 *   [--selectivities 1,0.42,0.1,0.01,0.001]
 *   [--methods scalar-bf,simd-bf,simd-bf-filter,paper-tree,exact-scan,bounded-scan] [--cache DIR]
 * </pre>
 */
public final class ConditionalIndexBenchmark {
  private ConditionalIndexBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args options, see the class description
   * @throws Exception if an index cannot be saved
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> o = BenchmarkRuns.options(args);
    int n = Integer.parseInt(o.getOrDefault("n", "100000"));
    int d = Integer.parseInt(o.getOrDefault("d", "512"));
    int clusters = Integer.parseInt(o.getOrDefault("clusters", "1000"));
    double decay = Double.parseDouble(o.getOrDefault("decay", "0"));
    System.out.printf(
        Locale.ROOT,
        "JVM %s, %d processors, kernels %s; n=%d d=%d clusters=%d decay=%.2f%n",
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors(),
        VectorSupport.describe(),
        n,
        d,
        clusters,
        decay);
    SyntheticCollection gen = new SyntheticCollection(n, d, clusters, 1.0, decay, 50, 20, 1.5, 42);
    BenchCollection c = gen.collection();
    List<float[]> queries = gen.queries(Integer.parseInt(o.getOrDefault("queries", "400")), 7);
    Map<String, IndexProvider> builtIn =
        Map.of(
            "exact-scan", new ExactScanIndexProvider(),
            "bounded-scan", new BoundedScanIndexProvider(),
            "conditional-ball-tree", new ConditionalBallTreeProvider());
    List<BenchMethod> methods =
        BenchMethods.create(
            List.of(
                o.getOrDefault(
                        "methods",
                        "scalar-bf,simd-bf,simd-bf-filter,paper-tree,exact-scan,bounded-scan")
                    .split(",")),
            c,
            builtIn::get,
            p -> null,
            List.of(),
            o.containsKey("cache") ? Path.of(o.get("cache")) : null,
            System.out);
    SideBySide.Settings s =
        new SideBySide.Settings(
            Integer.parseInt(o.getOrDefault("k", "10")),
            Double.parseDouble(o.getOrDefault("seconds", "6")),
            Integer.parseInt(o.getOrDefault("verify", "50")),
            Arrays.stream(o.getOrDefault("threads", "1").split(",")).map(Integer::valueOf).toList(),
            Arrays.stream(o.getOrDefault("selectivities", "1,0.42,0.1,0.01,0.001").split(","))
                .map(Double::valueOf)
                .toList(),
            true,
            false);
    List<SideBySide.Cell> cells = SideBySide.run(c, queries, methods, s, null, System.out);
    System.out.println(SideBySide.markdown(cells, methods, "clustered n=" + n + " d=" + d));
  }
}
