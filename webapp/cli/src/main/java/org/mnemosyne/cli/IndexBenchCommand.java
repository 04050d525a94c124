package org.mnemosyne.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.EmbeddingModelProvider;
import org.mnemosyne.index.bench.BenchCollection;
import org.mnemosyne.index.bench.BenchMethod;
import org.mnemosyne.index.bench.BenchMethods;
import org.mnemosyne.index.bench.IndexMethod;
import org.mnemosyne.index.bench.NpyFloats;
import org.mnemosyne.index.bench.SideBySide;
import org.mnemosyne.index.bench.SyntheticCollection;
import org.mnemosyne.index.vector.VectorSupport;
import org.mnemosyne.runtime.config.ConfigKey;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mnemosyne index bench}: every method side by side on one data set, in one process, with
 * ratios to SIMD brute force over the subset (the {@code org.mnemosyne.index.bench} code). Index
 * providers, the Lucene HNSW plugin included, come from the plugin registry like any user's.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark conditional k-NN methods side by side: queries/s, ratio to SIMD brute force over"
          + " the subset, recall@k against exact brute force, work per query, build time and"
          + " memory; one Markdown table per thread count.",
      "Data: 'clustered' (unit vectors from Gaussian clusters, facets a/b correlated with"
          + " them), 'realistic' (the model's 7x7 local features of the sample images under"
          + " several crops, with their items' facets) or a .fvecs/.npy file with --facets.",
      "Conditions: the single value and the OR of values closest to each selectivity."
    })
final class IndexBenchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(
      names = "--dataset",
      defaultValue = "clustered",
      description =
          "clustered | realistic | a .fvecs/.npy vectors file (default ${DEFAULT-VALUE}).")
  String dataset;

  @Option(names = "--facets", description = "Facets CSV of a vectors file (id + columns).")
  Path facets;

  @Option(
      names = "--query-vectors",
      description = "Query vectors file (default: --queries items of the vectors file).")
  Path queryVectors;

  @Option(names = "--n", defaultValue = "100000", description = "Items (clustered).")
  int n;

  @Option(names = "--d", defaultValue = "512", description = "Dimension (clustered).")
  int d;

  @Option(names = "--clusters", defaultValue = "1000", description = "Clusters (clustered).")
  int clusters;

  @Option(
      names = "--decay",
      defaultValue = "0",
      description = "Power-law spectrum exponent (clustered; 0: isotropic).")
  double decay;

  @Option(
      names = "--views",
      defaultValue = "3",
      description = "Crops/scales of each sample image (realistic; 41,111 vectors each; 1-8).")
  int views;

  @Option(
      names = "--selectivities",
      split = ",",
      defaultValue = "0.5,0.1,0.01,0.001",
      description = "Target selectivities; 1 = no condition (default ${DEFAULT-VALUE}).")
  List<Double> selectivities;

  @Option(
      names = "--conditions",
      defaultValue = "both",
      description = "single | or | both: one value, an OR of values, or both per selectivity.")
  String conditions;

  @Option(
      names = "--threads",
      split = ",",
      defaultValue = "1,2",
      description = "Query thread counts (default ${DEFAULT-VALUE}).")
  List<Integer> threads;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "Neighbours (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--queries", defaultValue = "400", description = "Query vectors.")
  int queries;

  @Option(
      names = "--seconds",
      defaultValue = "4",
      description = "Seconds per method, condition and thread count (default ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--verify",
      defaultValue = "50",
      description = "Queries per condition checked against exact brute force (recall, exactness).")
  int verify;

  @Option(
      names = "--methods",
      split = ",",
      defaultValue = "scalar-bf,simd-bf,paper-tree,bounded-scan,lucene-hnsw",
      description = {
        "Methods (default ${DEFAULT-VALUE}): scalar-bf, simd-bf, simd-bf-filter, paper-tree (the"
            + " paper's conditional ball tree, leaf 64), lucene-hnsw (one column per --candidates"
            + " value) or any index provider's name (bounded-scan, exact-scan, ...)."
      })
  List<String> methods;

  @Option(
      names = "--candidates",
      split = ",",
      defaultValue = "100",
      description = "Lucene HNSW candidates per query (default ${DEFAULT-VALUE}).")
  List<Integer> candidates;

  @Option(
      names = "--cache-dir",
      description =
          "Folder for the data set, built indexes and finished rows: a second run loads them and"
              + " resumes (default: none, everything in memory).")
  Path cacheDir;

  @Option(names = "--fresh", description = "Measure every row again (still load cached data).")
  boolean fresh;

  @Override
  public Integer call() throws IOException {
    validate();
    PrintStream out = System.out;
    MnemosyneConfig config = common.config();
    PluginRegistry registry =
        PluginRegistry.load(
            IndexBenchCommand.class.getClassLoader(), config, DataLayout.from(config));
    out.printf(
        Locale.ROOT,
        "JVM %s, %d processors, max heap %.1f GB, kernels %s%n",
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / 1e9,
        VectorSupport.describe());
    String key = datasetKey();
    Path dir = cacheDir == null ? null : cacheDir.resolve(key);
    long t0 = System.nanoTime();
    LoadedData data = data(dir, config, registry, out);
    BenchCollection c = data.collection();
    out.printf(
        Locale.ROOT,
        "data %s: n=%d d=%d fields %s, %d queries, %.0f MB of float vectors (%.1f s)%n",
        key,
        c.size(),
        c.dimension(),
        c.fields(),
        data.queries().size(),
        c.vectorBytes() / 1e6,
        (System.nanoTime() - t0) / 1e9);
    List<BenchMethod> ms =
        BenchMethods.create(
            methods,
            c,
            name -> registry.require(IndexProvider.class, name),
            registry::contextFor,
            candidates,
            dir == null ? null : dir.resolve("indexes"),
            out);
    SideBySide.Settings s =
        new SideBySide.Settings(
            k,
            seconds,
            verify,
            threads,
            selectivities,
            !conditions.equals("or"),
            !conditions.equals("single"));
    Path results =
        dir == null
            ? null
            : dir.resolve(
                String.format(
                    Locale.ROOT, "results-k%d-q%d-s%s.tsv", k, data.queries().size(), seconds));
    if (fresh && results != null) {
      Files.deleteIfExists(results);
    }
    try {
      List<SideBySide.Cell> cells = SideBySide.run(c, data.queries(), ms, s, results, out);
      out.println(
          SideBySide.markdown(
              cells,
              ms,
              String.format(Locale.ROOT, "%s, n=%d, d=%d, k=%d", key, c.size(), c.dimension(), k)));
    } finally {
      for (BenchMethod m : ms) {
        if (m instanceof IndexMethod im) {
          im.close();
        }
      }
    }
    out.flush();
    return 0;
  }

  private void validate() {
    if (!List.of("single", "or", "both").contains(conditions)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--conditions must be single, or or both");
    }
    boolean file = !dataset.equals("clustered") && !dataset.equals("realistic");
    if (file && facets == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--dataset " + dataset + " needs --facets");
    }
    if (n < 1 || d < 1 || k < 1 || queries < 1 || seconds <= 0 || verify < 0 || clusters < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--n, --d, --k, --queries, --clusters and --seconds must be positive");
    }
    if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be positive");
    }
    if (dataset.equals("realistic") && (views < 1 || views > LocalFeatures.VIEWS.size())) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--views must be between 1 and " + LocalFeatures.VIEWS.size());
    }
  }

  /** The cache folder name of the data set. */
  String datasetKey() {
    return switch (dataset) {
      case "clustered" ->
          String.format(
              Locale.ROOT, "clustered-n%d-d%d-c%d-decay%.2f-q%d", n, d, clusters, decay, queries);
      case "realistic" -> String.format(Locale.ROOT, "realistic-v%d-q%d", views, queries);
      default ->
          "file-" + Path.of(dataset).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    };
  }

  /** A collection and its queries. */
  private record LoadedData(BenchCollection collection, List<float[]> queries) {}

  private LoadedData data(
      Path dir, MnemosyneConfig config, PluginRegistry registry, PrintStream out)
      throws IOException {
    if (dir != null
        && BenchCollection.saved(dir.resolve("collection"))
        && Files.isRegularFile(dir.resolve("queries.npy"))) {
      BenchCollection c = BenchCollection.load(dir.resolve("collection"));
      out.println("data loaded from " + dir);
      return new LoadedData(c, rows(NpyFloats.read(dir.resolve("queries.npy"))));
    }
    LoadedData made =
        switch (dataset) {
          case "clustered" -> {
            SyntheticCollection g =
                new SyntheticCollection(n, d, clusters, 1.0, decay, 50, 20, 1.5, 42);
            yield new LoadedData(g.collection(), g.queries(queries, 7));
          }
          case "realistic" -> realistic(config, registry, out);
          default -> fromFile();
        };
    if (dir != null) {
      made.collection().save(dir.resolve("collection"));
      float[] q = new float[made.queries().size() * made.collection().dimension()];
      for (int i = 0; i < made.queries().size(); i++) {
        System.arraycopy(
            made.queries().get(i),
            0,
            q,
            i * made.collection().dimension(),
            made.collection().dimension());
      }
      NpyFloats.write(
          dir.resolve("queries.npy"), q, made.queries().size(), made.collection().dimension());
      out.println("data saved to " + dir);
    }
    return made;
  }

  private LoadedData realistic(MnemosyneConfig config, PluginRegistry registry, PrintStream out)
      throws IOException {
    Path data =
        DataLayout.from(config)
            .sampleDataDir()
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--dataset realistic needs the shared folder (--shared-dir or"
                            + " mnemosyne.shared.dir)"));
    EmbeddingModelProvider provider =
        registry.require(EmbeddingModelProvider.class, config.get(ConfigKey.MODEL_PROVIDER, "djl"));
    try (EmbeddingModel model = provider.open(registry.contextFor(provider))) {
      LocalFeatures.Data f = LocalFeatures.extract(data, model, views, queries, out);
      return new LoadedData(f.collection(), f.queries());
    }
  }

  private LoadedData fromFile() throws IOException {
    float[][] v = VectorFiles.read(Path.of(dataset));
    FacetsCsv f = FacetsCsv.read(facets);
    if (v.length != f.ids().length || v.length == 0) {
      throw new IllegalArgumentException(
          dataset
              + " has "
              + v.length
              + " vectors but "
              + facets
              + " has "
              + f.ids().length
              + " rows");
    }
    int dim = v[0].length;
    float[] flat = new float[Math.multiplyExact(v.length, dim)];
    for (int i = 0; i < v.length; i++) {
      System.arraycopy(v[i], 0, flat, i * dim, dim);
    }
    List<String> fields = new ArrayList<>();
    List<String[]> names = new ArrayList<>();
    for (var field : f.schema().fields()) {
      if (field.type() != org.mnemosyne.api.index.FacetType.CATEGORICAL) {
        continue;
      }
      String[] col = new String[v.length];
      for (int i = 0; i < v.length; i++) {
        List<String> values = f.facets().get(i).values(field.name());
        col[i] = values.isEmpty() ? "none" : values.get(0);
      }
      fields.add(field.name());
      names.add(col);
    }
    BenchCollection c =
        BenchCollection.ofNames("vectors", dim, flat, fields.toArray(String[]::new), names);
    List<float[]> q = new ArrayList<>();
    if (queryVectors != null) {
      for (float[] row : VectorFiles.read(queryVectors)) {
        q.add(row);
      }
    } else {
      java.util.Random rnd = new java.util.Random(7);
      for (int i = 0; i < queries; i++) {
        q.add(v[rnd.nextInt(v.length)]);
      }
    }
    return new LoadedData(c, q.subList(0, Math.min(q.size(), queries)));
  }

  private static List<float[]> rows(NpyFloats.Matrix m) {
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < m.rows(); i++) {
      out.add(java.util.Arrays.copyOfRange(m.values(), i * m.columns(), (i + 1) * m.columns()));
    }
    return out;
  }
}
