package org.mnemosyne.index.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.index.vector.DotProduct;

/**
 * Every method on the same queries and conditions in one process: for each condition (the single
 * value and the OR of values closest to each target selectivity), the methods are warmed up, then
 * timed in {@link BenchmarkRuns#ROUNDS} interleaved rounds for each thread count (median round);
 * then the first {@code verify} queries are checked against the exact answer ({@link
 * BruteForce#oracle}): recall@k (ties at the k-th score count as found), how many answers are
 * exactly the oracle's (ids in order), and the mean work. Ratios are to {@code simd-bf} in the same
 * row and thread count.
 *
 * <p>With a results file, every finished condition is appended to it and a later run with the same
 * file skips the conditions found there (resuming an interrupted run; a row's numbers always come
 * from one process).
 */
public final class SideBySide {
  private SideBySide() {}

  /**
   * What to run.
   *
   * @param k neighbours per query
   * @param seconds time budget per method, row and thread count (split over the rounds)
   * @param verify queries checked against the oracle per row
   * @param threads the query thread counts
   * @param selectivities target selectivities (1 or more: no condition)
   * @param single whether to run the single-value condition of each selectivity
   * @param or whether to run the OR-of-values condition of each selectivity
   */
  public record Settings(
      int k,
      double seconds,
      int verify,
      List<Integer> threads,
      List<Double> selectivities,
      boolean single,
      boolean or) {}

  /**
   * One measured cell.
   *
   * @param method the method
   * @param target the condition
   * @param threads query threads
   * @param qps queries per second
   * @param ratio qps over simd-bf's in the same row and thread count (NaN without simd-bf)
   * @param recall mean recall@k over the checked queries
   * @param exact answers identical to the oracle's
   * @param checked answers checked
   * @param visited mean vectors scored plus nodes opened
   */
  public record Cell(
      String method,
      String target,
      int threads,
      double qps,
      double ratio,
      double recall,
      int exact,
      int checked,
      double visited) {}

  /** The conditions of the settings, in order, without duplicates. */
  public static List<BenchTarget> targets(BenchCollection c, Settings s) {
    List<BenchTarget> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (double sel : s.selectivities()) {
      List<BenchTarget> candidates = new ArrayList<>();
      if (sel >= 1) {
        candidates.add(BenchTarget.ALL);
      } else {
        if (s.single()) {
          candidates.add(c.closest(sel, false));
        }
        if (s.or()) {
          candidates.add(c.closest(sel, true));
        }
      }
      for (BenchTarget t : candidates) {
        if (t != null && seen.add(t.label())) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /**
   * Runs every method on every condition and returns the cells (also printed to {@code log} as they
   * are measured).
   *
   * @param results file to append finished rows to and resume from, or null
   */
  public static List<Cell> run(
      BenchCollection c,
      List<float[]> queries,
      List<BenchMethod> methods,
      Settings s,
      Path results,
      PrintStream log)
      throws IOException {
    Map<String, List<Cell>> done = results == null ? Map.of() : readResults(results);
    List<Cell> out = new ArrayList<>();
    for (BenchTarget t : targets(c, s)) {
      List<Cell> previous = done.get(t.label());
      if (previous != null && covers(previous, methods, s)) {
        log.println(t.label() + ": from " + results);
        out.addAll(previous);
        continue;
      }
      List<Cell> row = row(c, queries, methods, s, t, log);
      out.addAll(row);
      if (results != null) {
        appendResults(results, row);
      }
    }
    return out;
  }

  private static List<Cell> row(
      BenchCollection c,
      List<float[]> queries,
      List<BenchMethod> methods,
      Settings s,
      BenchTarget t,
      PrintStream log) {
    int k = s.k();
    for (BenchMethod m : methods) {
      BenchmarkRuns.warmUp(m, queries, t, k, s.seconds() / 6);
    }
    Map<String, Map<Integer, Double>> qps = new LinkedHashMap<>();
    for (int threads : s.threads()) {
      Map<String, double[]> rounds = new LinkedHashMap<>();
      for (int round = 0; round < BenchmarkRuns.ROUNDS; round++) {
        for (BenchMethod m : methods) {
          rounds.computeIfAbsent(m.name(), x -> new double[BenchmarkRuns.ROUNDS])[round] =
              BenchmarkRuns.measure(m, queries, t, k, s.seconds() / BenchmarkRuns.ROUNDS, threads);
        }
      }
      rounds.forEach(
          (name, r) ->
              qps.computeIfAbsent(name, x -> new LinkedHashMap<>())
                  .put(threads, BenchmarkRuns.median(r)));
    }
    int[] subset = c.subset(t);
    int checked = Math.min(s.verify(), queries.size());
    List<List<Hit>> truth = new ArrayList<>();
    for (int i = 0; i < checked; i++) {
      truth.add(BruteForce.oracle(c, subset, queries.get(i), k).toHits());
    }
    List<Cell> row = new ArrayList<>();
    StringBuilder line = new StringBuilder(t.label());
    for (BenchMethod m : methods) {
      int limit = Math.min(checked, m.verifyLimit());
      double recall = 0;
      int exact = 0;
      long visited = 0;
      for (int i = 0; i < limit; i++) {
        BenchMethod.Answer a = m.search(queries.get(i), t, k);
        List<Hit> want = truth.get(i);
        visited += a.visited();
        recall += recall(c, queries.get(i), want, a.hits());
        if (sameIds(want, a.hits())) {
          exact++;
        }
      }
      for (int threads : s.threads()) {
        double simd = qps.containsKey("simd-bf") ? qps.get("simd-bf").get(threads) : Double.NaN;
        double q = qps.get(m.name()).get(threads);
        row.add(
            new Cell(
                m.name(),
                t.label(),
                threads,
                q,
                q / simd,
                limit == 0 ? Double.NaN : recall / limit,
                exact,
                limit,
                limit == 0 ? Double.NaN : visited / (double) limit));
      }
      line.append(
          String.format(
              Locale.ROOT,
              " | %s %s r=%.3f exact %d/%d",
              m.name(),
              qps.get(m.name()).values().stream().map(BenchmarkRuns::format).toList(),
              limit == 0 ? Double.NaN : recall / limit,
              exact,
              limit));
    }
    log.println(line);
    return row;
  }

  /**
   * The fraction of the true top k found, counting ties: a returned item counts when it is one of
   * the oracle's, or when its canonical score reaches the oracle's k-th score less the float
   * rounding bound of two summation orders ({@code 2 γ(d) |q| |x|}): data with duplicate vectors —
   * blank image regions — have many items at that score, and any of them is a correct answer,
   * whichever order another library's float arithmetic puts them in. Each returned id counts once.
   */
  private static double recall(BenchCollection c, float[] q, List<Hit> want, List<Hit> got) {
    if (want.isEmpty()) {
      return 1;
    }
    Set<Long> ids = new HashSet<>();
    want.forEach(h -> ids.add(h.itemId()));
    double kth = want.get(want.size() - 1).score();
    Set<Long> seen = new HashSet<>();
    int found = 0;
    int d = c.dimension();
    for (Hit h : got) {
      if (!seen.add(h.itemId()) || h.itemId() < 0 || h.itemId() >= c.size()) {
        continue;
      }
      int off = (int) h.itemId() * d;
      double tolerance =
          2 * DotProduct.gamma(d) * Math.sqrt(norm2(q, 0, d) * norm2(c.vectors(), off, d));
      if (ids.contains(h.itemId())
          || DotProduct.dot(q, 0, c.vectors(), off, d) >= kth - tolerance) {
        found++;
      }
    }
    return Math.min(1.0, found / (double) want.size());
  }

  private static double norm2(float[] v, int off, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      s += (double) v[off + j] * v[off + j];
    }
    return s;
  }

  private static boolean sameIds(List<Hit> want, List<Hit> got) {
    if (want.size() != got.size()) {
      return false;
    }
    for (int i = 0; i < want.size(); i++) {
      if (want.get(i).itemId() != got.get(i).itemId()) {
        return false;
      }
    }
    return true;
  }

  private static boolean covers(List<Cell> cells, List<BenchMethod> methods, Settings s) {
    Set<String> have = new HashSet<>();
    cells.forEach(x -> have.add(x.method() + "@" + x.threads()));
    for (BenchMethod m : methods) {
      for (int threads : s.threads()) {
        if (!have.contains(m.name() + "@" + threads)) {
          return false;
        }
      }
    }
    return true;
  }

  private static Map<String, List<Cell>> readResults(Path file) throws IOException {
    Map<String, List<Cell>> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (f.length != 9) {
        continue;
      }
      Cell cell =
          new Cell(
              f[0],
              f[1],
              Integer.parseInt(f[2]),
              Double.parseDouble(f[3]),
              Double.parseDouble(f[4]),
              Double.parseDouble(f[5]),
              Integer.parseInt(f[6]),
              Integer.parseInt(f[7]),
              Double.parseDouble(f[8]));
      out.computeIfAbsent(cell.target(), x -> new ArrayList<>()).add(cell);
    }
    return out;
  }

  private static void appendResults(Path file, List<Cell> row) throws IOException {
    StringBuilder b = new StringBuilder();
    for (Cell x : row) {
      b.append(
          String.join(
              "\t",
              x.method(),
              x.target(),
              Integer.toString(x.threads()),
              Double.toString(x.qps()),
              Double.toString(x.ratio()),
              Double.toString(x.recall()),
              Integer.toString(x.exact()),
              Integer.toString(x.checked()),
              Double.toString(x.visited())));
      b.append('\n');
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(
        file, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * The Markdown tables of the cells, one per thread count: first the long table (method,
   * selectivity, q/s, ratio, recall, visited, build time, memory), then a compact one with a column
   * per method.
   */
  public static String markdown(List<Cell> cells, List<BenchMethod> methods, String title) {
    StringBuilder b = new StringBuilder();
    Map<String, BenchMethod> byName = new LinkedHashMap<>();
    methods.forEach(m -> byName.put(m.name(), m));
    Set<Integer> threadCounts = new java.util.TreeSet<>();
    cells.forEach(x -> threadCounts.add(x.threads()));
    for (int threads : threadCounts) {
      b.append("\n### ")
          .append(title)
          .append(", ")
          .append(threads)
          .append(" thread")
          .append(threads == 1 ? "" : "s")
          .append("\n\n");
      b.append(
          "| method | selectivity (condition) | q/s | × simd-bf | recall@k (exact/checked) |"
              + " visited | build s | memory MB |\n");
      b.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
      for (Cell x : cells) {
        if (x.threads() != threads) {
          continue;
        }
        BenchMethod m = byName.get(x.method());
        b.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %.2f× | %.3f (%d/%d) | %.0f | %s | %s |%n",
                x.method(),
                x.target(),
                BenchmarkRuns.format(x.qps()),
                x.ratio(),
                x.recall(),
                x.exact(),
                x.checked(),
                x.visited(),
                m == null ? "?" : String.format(Locale.ROOT, "%.1f", m.buildSeconds()),
                m == null || m.memoryBytes() < 0
                    ? "?"
                    : String.format(Locale.ROOT, "%.0f", m.memoryBytes() / 1e6)));
      }
      b.append("\nq/s (× simd-bf) r=recall@k, ")
          .append(threads)
          .append(" thread")
          .append(threads == 1 ? "" : "s")
          .append(":\n\n| selectivity (condition)");
      StringBuilder rule = new StringBuilder("| ---");
      for (String name : byName.keySet()) {
        b.append(" | ").append(name);
        rule.append(" | ---");
      }
      b.append(" |\n").append(rule).append(" |\n");
      Map<String, StringBuilder> rows = new LinkedHashMap<>();
      for (Cell x : cells) {
        if (x.threads() == threads && byName.containsKey(x.method())) {
          rows.computeIfAbsent(x.target(), l -> new StringBuilder("| " + l))
              .append(
                  String.format(
                      Locale.ROOT,
                      " | %s (%.2f×) r=%.3f",
                      BenchmarkRuns.format(x.qps()),
                      x.ratio(),
                      x.recall()));
        }
      }
      rows.values().forEach(r -> b.append(r).append(" |\n"));
    }
    return b.toString();
  }
}
