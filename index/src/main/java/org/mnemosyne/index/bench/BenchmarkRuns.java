package org.mnemosyne.index.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmark programs share: how a method is warmed up and timed (over one or more query
 * threads), how rounds are reduced, how numbers are printed and how {@code --option value}
 * arguments are read.
 */
public final class BenchmarkRuns {
  /** Timed rounds per row; the methods take turns in each, and each reports its median round. */
  public static final int ROUNDS = 5;

  private BenchmarkRuns() {}

  /** The median of the values. */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Runs the first queries (at most 60) until {@code seconds} have passed. */
  public static void warmUp(
      BenchMethod m, List<float[]> queries, BenchTarget t, int k, double seconds) {
    long start = System.nanoTime();
    for (int i = 0; i < Math.min(60, queries.size()) && secondsSince(start) < seconds; i++) {
      m.search(queries.get(i), t, k);
    }
  }

  /**
   * Queries per second of {@code threads} threads answering the queries in turn (cycling through
   * them) until {@code seconds} have passed and every thread has answered at least one.
   */
  public static double measure(
      BenchMethod m, List<float[]> queries, BenchTarget t, int k, double seconds, int threads) {
    AtomicLong next = new AtomicLong();
    AtomicLong sink = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    Runnable worker =
        () -> {
          long mine = 0;
          do {
            long i = next.getAndIncrement();
            mine += m.search(queries.get((int) (i % queries.size())), t, k).hits().size();
          } while (System.nanoTime() < deadline);
          sink.addAndGet(mine);
        };
    if (threads == 1) {
      worker.run();
    } else {
      Thread[] ts = new Thread[threads];
      for (int i = 0; i < threads; i++) {
        ts[i] = new Thread(worker, "bench-" + i);
        ts[i].start();
      }
      for (Thread th : ts) {
        try {
          th.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    }
    double elapsed = secondsSince(start);
    if (sink.get() == Long.MIN_VALUE) {
      System.out.println(sink);
    }
    return next.get() / elapsed;
  }

  /** Queries per second, short: {@code 812}, {@code 88.2k}, {@code 1.87M}. */
  public static String format(double qps) {
    if (qps >= 1_000_000) {
      return String.format(Locale.ROOT, "%.2fM", qps / 1e6);
    }
    if (qps >= 10_000) {
      return String.format(Locale.ROOT, "%.1fk", qps / 1000);
    }
    if (qps < 10) {
      return String.format(Locale.ROOT, "%.2f", qps);
    }
    return String.format(Locale.ROOT, "%.0f", qps);
  }

  /** Seconds since a {@link System#nanoTime()} reading. */
  public static double secondsSince(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** {@code --option value} pairs. */
  public static Map<String, String> options(String[] args) {
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
