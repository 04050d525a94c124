package org.mnemosyne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.index.bench.NpyFloats;

/** `mnemosyne index bench`: options, usage errors and tiny end-to-end runs. */
class IndexBenchCommandTest {
  @TempDir Path dir;

  private static final Pattern RECALL = Pattern.compile("r=(\\d\\.\\d{3})");

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = MnemosyneCommand.run(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private String[] tiny(String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "index",
                "bench",
                "--home",
                dir.resolve("home").toString(),
                "--n",
                "2000",
                "--d",
                "32",
                "--clusters",
                "20",
                "--queries",
                "20",
                "--seconds",
                "0.05",
                "--verify",
                "20",
                "--threads",
                "1,2",
                "--selectivities",
                "0.5,0.01"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void helpListsTheOptions() {
    Run r = run("index", "bench", "--help");
    assertEquals(0, r.code());
    for (String option :
        List.of(
            "--dataset",
            "--facets",
            "--n",
            "--d",
            "--selectivities",
            "--threads",
            "--k",
            "--methods",
            "--candidates",
            "--plugins-dir",
            "--cache-dir",
            "--views")) {
      assertTrue(r.out().contains(option), option + " in\n" + r.out());
    }
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("index", "bench", "--conditions", "some").code());
    assertEquals(2, run("index", "bench", "--dataset", "x.npy").code());
    assertEquals(2, run("index", "bench", "--threads", "0").code());
    assertEquals(2, run("index", "bench", "--n", "many").code());
  }

  @Test
  void unknownMethodFails() {
    Run r = run(tiny("--methods", "simd-bf,no-such-index"));
    assertEquals(1, r.code());
    assertTrue(r.err().contains("no-such-index"), r.err());
  }

  @Test
  void tinyClusteredRunIsExactAndResumes() {
    Path cache = dir.resolve("cache");
    Run r =
        run(
            tiny(
                "--methods",
                "scalar-bf,simd-bf,paper-tree,bounded-scan,exact-scan",
                "--cache-dir",
                cache.toString()));
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("1 thread\n"), r.out());
    assertTrue(r.out().contains("2 threads\n"), r.out());
    assertTrue(r.out().contains("| bounded-scan | "), r.out());
    assertTrue(r.out().contains("(20/20)"), r.out());
    Matcher m = RECALL.matcher(r.out());
    int found = 0;
    while (m.find()) {
      assertEquals("1.000", m.group(1), r.out());
      found++;
    }
    // 2 selectivities x (single + OR) x 5 methods x 2 thread counts, in the compact tables
    assertTrue(found >= 20, r.out());
    Path data = cache.resolve("clustered-n2000-d32-c20-decay0.00-q20");
    assertTrue(Files.isRegularFile(data.resolve("collection/vectors.npy")));
    assertTrue(Files.isRegularFile(data.resolve("indexes/bounded-scan.index")));

    Run again =
        run(
            tiny(
                "--methods",
                "scalar-bf,simd-bf,paper-tree,bounded-scan,exact-scan",
                "--cache-dir",
                cache.toString()));
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("data loaded from"), again.out());
    assertTrue(again.out().contains("bounded-scan: loaded"), again.out());
    assertTrue(again.out().contains(": from "), again.out());
  }

  @Test
  void vectorsFileWithFacets() throws Exception {
    Random rnd = new Random(3);
    int n = 400;
    int d = 16;
    float[] v = new float[n * d];
    StringBuilder csv = new StringBuilder("id,culture,year\n");
    String[] cultures = {"Dutch", "Flemish", "French", "Italian", "Greek"};
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        v[i * d + j] = (float) rnd.nextGaussian();
      }
      csv.append(i)
          .append(',')
          .append(cultures[Math.min(4, (int) (rnd.nextDouble() * rnd.nextDouble() * 6))])
          .append(',')
          .append(1500 + i)
          .append('\n');
    }
    Path vectors = dir.resolve("v.npy");
    NpyFloats.write(vectors, v, n, d);
    Path facets = dir.resolve("f.csv");
    Files.writeString(facets, csv);
    Run r =
        run(
            "index",
            "bench",
            "--home",
            dir.resolve("home").toString(),
            "--dataset",
            vectors.toString(),
            "--facets",
            facets.toString(),
            "--queries",
            "10",
            "--seconds",
            "0.05",
            "--threads",
            "1",
            "--selectivities",
            "0.3",
            "--conditions",
            "single",
            "--methods",
            "simd-bf,bounded-scan");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("culture:"), r.out());
    assertFalse(r.out().contains("r=0."), r.out());
  }

  @Test
  void luceneFromThePluginDirectory() {
    // The packaged distribution's copy, else the plugin module's build output.
    Path jar = Path.of("target/mnemosyne/example-plugins/mnemosyne-lucene-hnsw-0.1.0-SNAPSHOT.jar");
    if (!Files.isRegularFile(jar)) {
      jar = Path.of("../../plugins/lucene-hnsw/target/mnemosyne-lucene-hnsw-0.1.0-SNAPSHOT.jar");
    }
    Assumptions.assumeTrue(Files.isRegularFile(jar), "plugin jar not built: " + jar);
    Path plugins = dir.resolve("plugins");
    try {
      Files.createDirectories(plugins);
      Files.copy(jar, plugins.resolve(jar.getFileName()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Run r =
        run(
            tiny(
                "--plugins-dir",
                plugins.toString(),
                "--methods",
                "simd-bf,lucene-hnsw",
                "--candidates",
                "10,200",
                "--threads",
                "1"));
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("| lucene-hnsw c=200 |"), r.out());
  }
}
