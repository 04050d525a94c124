package org.mnemosyne.index.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.SearchResult;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.index.engine.SegmentedIndex;

/**
 * A {@link ConditionalIndex} of any provider as a benchmark method. Built once and saved to a cache
 * file when one is given; a later run with the same file loads it instead (the build time and
 * memory measured at build are kept in a {@code .build} properties file beside it).
 */
public final class IndexMethod implements BenchMethod, AutoCloseable {
  private final String name;
  private final ConditionalIndex index;
  private final double buildSeconds;
  private final long memoryBytes;

  private IndexMethod(String name, ConditionalIndex index, double buildSeconds, long memoryBytes) {
    this.name = name;
    this.index = index;
    this.buildSeconds = buildSeconds;
    this.memoryBytes = memoryBytes;
  }

  /**
   * Builds the index (or loads it from {@code cacheFile} when saved there before).
   *
   * @param name the method's name in the tables
   * @param provider the provider
   * @param context its context (settings)
   * @param c the collection
   * @param cacheFile where to save and look for the built index, or null
   * @param log progress lines
   * @throws IOException if saving fails
   */
  public static IndexMethod open(
      String name,
      IndexProvider provider,
      PluginContext context,
      BenchCollection c,
      Path cacheFile,
      PrintStream log)
      throws IOException {
    Path info =
        cacheFile == null ? null : cacheFile.resolveSibling(cacheFile.getFileName() + ".build");
    if (cacheFile != null && Files.isRegularFile(cacheFile) && Files.isRegularFile(info)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(info, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      long t0 = System.nanoTime();
      ConditionalIndex index = provider.load(context, cacheFile, c.modelId(), c.dimension());
      log.printf(
          Locale.ROOT,
          "%s: loaded %s in %.1f s (built in %s s)%n",
          name,
          cacheFile,
          BenchmarkRuns.secondsSince(t0),
          p.getProperty("seconds"));
      return new IndexMethod(
          name,
          index,
          Double.parseDouble(p.getProperty("seconds")),
          Long.parseLong(p.getProperty("bytes")));
    }
    long before = usedHeap();
    long t0 = System.nanoTime();
    ConditionalIndex index =
        provider.build(context, c, ProgressListener.NONE, CancellationToken.NONE);
    double seconds = BenchmarkRuns.secondsSince(t0);
    long bytes = index instanceof SegmentedIndex s ? s.bytes() : Math.max(0, usedHeap() - before);
    log.printf(Locale.ROOT, "%s: built in %.1f s, %.0f MB in memory%n", name, seconds, bytes / 1e6);
    if (cacheFile != null) {
      Files.createDirectories(cacheFile.toAbsolutePath().getParent());
      index.save(cacheFile);
      Properties p = new Properties();
      p.setProperty("seconds", String.format(Locale.ROOT, "%.1f", seconds));
      p.setProperty("bytes", Long.toString(bytes));
      try (Writer w = Files.newBufferedWriter(info, StandardCharsets.UTF_8)) {
        p.store(w, name);
      }
      log.printf(
          Locale.ROOT, "%s: saved %s (%.0f MB)%n", name, cacheFile, Files.size(cacheFile) / 1e6);
    }
    return new IndexMethod(name, index, seconds, bytes);
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Answer search(float[] q, BenchTarget t, int k) {
    SearchResult r = index.search(q, t.condition(), k);
    return new Answer(r.hits(), r.vectorsScored() + r.nodesVisited());
  }

  @Override
  public double buildSeconds() {
    return buildSeconds;
  }

  @Override
  public long memoryBytes() {
    return memoryBytes;
  }

  /** The index. */
  public ConditionalIndex index() {
    return index;
  }

  @Override
  public void close() {
    index.close();
  }
}
