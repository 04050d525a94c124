package org.mnemosyne.index.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the benchmark programs share: how a method is warmed up and timed, how rounds are reduced,
 * how numbers are printed and how {@code --option value} arguments are read.
 */
final class BenchmarkRuns {
  /** Timed rounds per row; the methods take turns in each, and each reports its median round. */
  static final int ROUNDS = 5;

  private BenchmarkRuns() {}

  /** A method under test: answers one query with at most k results. */
  interface Method {
    List<?> search(float[] q, SyntheticCollection.Target target, int k);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static void warmUp(
      Method m, List<float[]> queries, SyntheticCollection.Target t, int k, double seconds) {
    long start = System.nanoTime();
    for (int i = 0; i < Math.min(60, queries.size()) && secondsSince(start) < seconds; i++) {
      m.search(queries.get(i), t, k);
    }
  }

  /** Queries per second over the queries, or until the time budget is spent. */
  static double measure(
      Method m, List<float[]> queries, SyntheticCollection.Target t, int k, double seconds) {
    long sink = 0;
    int done = 0;
    long start = System.nanoTime();
    while (done < queries.size() && secondsSince(start) < seconds) {
      sink += m.search(queries.get(done++), t, k).size();
    }
    double elapsed = secondsSince(start);
    if (sink == Long.MIN_VALUE) {
      System.out.println(sink);
    }
    return done / elapsed;
  }

  static String format(double qps) {
    if (qps >= 10_000) {
      return String.format(Locale.ROOT, "%.1fk", qps / 1000);
    }
    return String.format(Locale.ROOT, "%.0f", qps);
  }

  static double secondsSince(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    return o;
  }
}
