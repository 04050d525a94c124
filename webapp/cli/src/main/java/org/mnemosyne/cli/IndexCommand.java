package org.mnemosyne.cli;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.SearchResult;
import org.mnemosyne.api.index.VectorSource;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mnemosyne index build|query}: conditional k-NN on your own vectors, so anyone can check
 * exactness and speed. Similarity is the inner product (cosine on normalised vectors).
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description =
        "Build or query a conditional k-NN index over a vectors file and a facets CSV, or"
            + " benchmark the methods side by side.",
    subcommands = {IndexCommand.Build.class, IndexCommand.Query.class, IndexBenchCommand.class})
final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  static PluginRegistry registry(CommonOptions common) {
    MnemosyneConfig config = common.config();
    return PluginRegistry.load(
        IndexCommand.class.getClassLoader(), config, DataLayout.from(config));
  }

  static Path meta(Path index) {
    return index.resolveSibling(index.getFileName() + ".meta");
  }

  /** {@code mnemosyne index build}. */
  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = {
        "Build an index from vectors (.fvecs or .npy float32) and a facets CSV (id + facet"
            + " columns, one row per vector in the same order; '|' separates several values)."
      })
  static final class Build implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--vectors", required = true, description = "Vectors file.")
    Path vectors;

    @Option(names = "--facets", required = true, description = "Facets CSV.")
    Path facets;

    @Option(names = "--out", required = true, description = "Index file to write.")
    Path out;

    @Option(
        names = "--provider",
        defaultValue = "exact-scan",
        description = "Index provider (see `mnemosyne plugins`; default ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--model-id", defaultValue = "vectors", description = "Model id to record.")
    String modelId;

    @Override
    public Integer call() throws IOException {
      long start = System.nanoTime();
      float[][] v = VectorFiles.read(vectors);
      FacetsCsv f = FacetsCsv.read(facets);
      if (v.length != f.ids().length) {
        throw new IllegalArgumentException(
            vectors
                + " has "
                + v.length
                + " vectors but "
                + facets
                + " has "
                + f.ids().length
                + " rows");
      }
      PluginRegistry registry = registry(common);
      IndexProvider p = registry.require(IndexProvider.class, provider);
      int d = v.length == 0 ? 0 : v[0].length;
      VectorSource source = new ArraySource(modelId, d, f.schema(), f.ids(), v, f.facets());
      PrintWriter pw = spec.commandLine().getOut();
      try (ConditionalIndex index =
          p.build(registry.contextFor(p), source, ProgressListener.NONE, CancellationToken.NONE)) {
        double built = (System.nanoTime() - start) / 1e9;
        index.save(out);
        Properties meta = new Properties();
        meta.setProperty("provider", provider);
        meta.setProperty("model", modelId);
        meta.setProperty("dimension", String.valueOf(d));
        try (var w = Files.newBufferedWriter(meta(out), StandardCharsets.UTF_8)) {
          meta.store(w, "mnemosyne index");
        }
        pw.printf(
            "built %s index of %d vectors (d=%d, %d facet fields) in %.2f s -> %s%n",
            provider, v.length, d, f.schema().fields().size(), built, out);
      }
      pw.flush();
      return 0;
    }
  }

  /** {@code mnemosyne index query}. */
  @Command(
      name = "query",
      mixinStandardHelpOptions = true,
      description = {
        "Answer a JSON-lines queries file: {\"qid\": \"q1\", \"vector\": [...], \"condition\":"
            + " \"culture:Dutch OR culture:Flemish\", \"k\": 10} per line.",
        "Prints one JSON line per query: {\"qid\", \"hits\": [{\"id\", \"score\"}], \"mode\","
            + " \"visited\", \"micros\"}, or {\"qid\", \"error\"}; exits 1 if any query failed."
      })
  static final class Query implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--index", required = true, description = "Index file from `index build`.")
    Path indexFile;

    @Option(names = "--queries", required = true, description = "JSON-lines queries file.")
    Path queries;

    @Override
    public Integer call() throws IOException {
      Properties meta = new Properties();
      try (var r = Files.newBufferedReader(meta(indexFile), StandardCharsets.UTF_8)) {
        meta.load(r);
      }
      PluginRegistry registry = registry(common);
      IndexProvider p = registry.require(IndexProvider.class, meta.getProperty("provider"));
      PrintWriter pw = spec.commandLine().getOut();
      int failures = 0;
      try (ConditionalIndex index =
              p.load(
                  registry.contextFor(p),
                  indexFile,
                  meta.getProperty("model"),
                  Integer.parseInt(meta.getProperty("dimension")));
          BufferedReader lines = Files.newBufferedReader(queries, StandardCharsets.UTF_8)) {
        int lineNo = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          lineNo++;
          if (line.isBlank()) {
            continue;
          }
          String qid = "line " + lineNo;
          try {
            JsonObject q = Json.createReader(new StringReader(line)).readObject();
            qid = q.containsKey("qid") ? q.get("qid").toString().replace("\"", "") : qid;
            pw.println(answer(index, index.schema(), qid, q));
          } catch (JsonException | IllegalArgumentException | ClassCastException e) {
            failures++;
            pw.println(
                Json.createObjectBuilder()
                    .add("qid", qid)
                    .add("error", String.valueOf(e.getMessage()))
                    .build());
          }
        }
      }
      pw.flush();
      return failures == 0 ? 0 : 1;
    }

    private static String answer(
        ConditionalIndex index, FacetSchema schema, String qid, JsonObject q) {
      JsonArray arr = q.getJsonArray("vector");
      if (arr == null) {
        throw new IllegalArgumentException("missing \"vector\"");
      }
      float[] v = new float[arr.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) arr.getJsonNumber(i).doubleValue();
      }
      Condition c =
          q.containsKey("condition")
                  && q.get("condition").getValueType() == JsonValue.ValueType.STRING
              ? Condition.parse(q.getString("condition"), schema)
              : Condition.ALL;
      int k = q.containsKey("k") ? q.getInt("k") : 10;
      long t0 = System.nanoTime();
      SearchResult r = index.search(v, c, k);
      long micros = (System.nanoTime() - t0) / 1000;
      var hits = Json.createArrayBuilder();
      for (Hit h : r.hits()) {
        hits.add(Json.createObjectBuilder().add("id", h.itemId()).add("score", h.score()));
      }
      return Json.createObjectBuilder()
          .add("qid", qid)
          .add("hits", hits)
          .add("mode", r.mode())
          .add("visited", r.vectorsScored() + r.nodesVisited())
          .add("micros", micros)
          .build()
          .toString();
    }
  }

  /** Vectors and facets held in memory, as a {@link VectorSource}. */
  record ArraySource(
      String modelId,
      int dimension,
      FacetSchema schema,
      long[] ids,
      float[][] vectors,
      List<org.mnemosyne.api.index.ItemFacets> facets)
      implements VectorSource {
    @Override
    public long count() {
      return ids.length;
    }

    @Override
    public void scan(Consumer<IndexedItem> sink) {
      Integer[] order = new Integer[ids.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
      for (int i : order) {
        sink.accept(new IndexedItem(ids[i], vectors[i], facets.get(i)));
      }
    }
  }
}
