package org.mnemosyne.index.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.index.bounded.BoundedScanIndexProvider;
import org.mnemosyne.index.tree.ConditionalBallTreeProvider;

class SideBySideTest {
  @TempDir Path dir;

  @Test
  void exactMethodsAreExactAndRowsResume() throws Exception {
    SyntheticCollection gen = new SyntheticCollection(2000, 32, 20, 1.0, 1.0, 10, 5, 1.5, 3);
    BenchCollection c = gen.collection();
    List<float[]> queries = gen.queries(20, 9);
    Map<String, IndexProvider> providers =
        Map.of(
            "bounded-scan", new BoundedScanIndexProvider(),
            "conditional-ball-tree", new ConditionalBallTreeProvider());
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    List<BenchMethod> methods =
        BenchMethods.create(
            List.of("scalar-bf", "simd-bf", "paper-tree", "bounded-scan"),
            c,
            providers::get,
            p -> null,
            List.of(),
            dir.resolve("indexes"),
            log);
    SideBySide.Settings s =
        new SideBySide.Settings(10, 0.05, 20, List.of(1, 2), List.of(0.5, 0.01), true, true);
    Path results = dir.resolve("results.tsv");
    List<SideBySide.Cell> cells = SideBySide.run(c, queries, methods, s, results, log);
    int rows = SideBySide.targets(c, s).size();
    assertEquals(rows * methods.size() * 2, cells.size());
    for (SideBySide.Cell x : cells) {
      assertEquals(1.0, x.recall(), 1e-12, x.toString());
      if (!x.method().equals("scalar-bf")) {
        assertEquals(x.checked(), x.exact(), x.toString());
      }
      assertTrue(x.qps() > 0);
    }
    assertTrue(Files.exists(dir.resolve("indexes/bounded-scan.index")));
    // A second run loads the indexes and takes every row from the results file.
    List<BenchMethod> again =
        BenchMethods.create(
            List.of("scalar-bf", "simd-bf", "paper-tree", "bounded-scan"),
            c,
            providers::get,
            p -> null,
            List.of(),
            dir.resolve("indexes"),
            log);
    assertEquals(cells, SideBySide.run(c, queries, again, s, results, log));
    String md = SideBySide.markdown(cells, again, "test");
    assertTrue(md.contains("| bounded-scan |"), md);
    assertTrue(md.contains("2 threads"), md);
  }

  @Test
  void collectionSavesAndLoads() throws Exception {
    BenchCollection c = new SyntheticCollection(300, 8, 5, 1.0, 0, 4, 3, 1.5, 1).collection();
    c.save(dir.resolve("c"));
    BenchCollection back = BenchCollection.load(dir.resolve("c"));
    assertEquals(c.size(), back.size());
    assertTrue(java.util.Arrays.equals(c.vectors(), back.vectors()));
    BenchTarget t = c.closest(0.3, true);
    BenchTarget u = back.closest(0.3, true);
    assertEquals(t.label(), u.label());
    assertTrue(t.isOr());
  }

  @Test
  void tiesAtTheKthScoreCountAsFound() throws Exception {
    int n = 50;
    float[] v = new float[n * 4];
    String[] col = new String[n];
    for (int i = 0; i < n; i++) {
      v[i * 4] = 1f; // every item the same vector: all scores tie
      col[i] = i % 2 == 0 ? "x" : "y";
    }
    BenchCollection c =
        BenchCollection.ofNames("t", 4, v, new String[] {"f"}, List.<String[]>of(col));
    BenchMethod lastIds =
        new BenchMethod() {
          @Override
          public String name() {
            return "other-ties";
          }

          @Override
          public Answer search(float[] q, BenchTarget t, int k) {
            List<org.mnemosyne.api.index.Hit> hits = new java.util.ArrayList<>();
            for (int i = n - 1; hits.size() < k; i--) {
              hits.add(new org.mnemosyne.api.index.Hit(i, 1f));
            }
            return new Answer(hits, n);
          }
        };
    SideBySide.Settings s =
        new SideBySide.Settings(5, 0.02, 3, List.of(1), List.of(1.0), true, false);
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    List<SideBySide.Cell> cells =
        SideBySide.run(c, List.of(new float[] {1, 0, 0, 0}), List.of(lastIds), s, null, log);
    assertEquals(1.0, cells.get(0).recall(), 1e-12);
    assertEquals(0, cells.get(0).exact());
  }
}
