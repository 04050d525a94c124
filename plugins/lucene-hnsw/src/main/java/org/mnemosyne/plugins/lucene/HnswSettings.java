package org.mnemosyne.plugins.lucene;

import java.util.Locale;
import java.util.Optional;
import org.mnemosyne.api.plugin.PluginContext;

/**
 * How a {@code lucene-hnsw} index is built and searched, read from the host's configuration under
 * {@code mnemosyne.plugin.lucene-hnsw.}.
 *
 * @param maxConnections {@code m}: graph neighbours per node (Lucene's {@code maxConn}, default 16)
 * @param beamWidth {@code beam-width}: candidates considered while inserting a node (default 100)
 * @param candidates {@code candidates}: how many nearest neighbours the graph search collects
 *     before the best k are kept (Lucene's {@code k}, Elasticsearch's {@code num_candidates}; at
 *     least k is used; default 100). More candidates: higher recall, slower queries, and a wider
 *     band of conditions answered by an exact scan (a condition with at most this many matches in a
 *     segment is scanned exactly)
 * @param storage {@code storage}: where the Lucene files live while the index is open
 * @param ramBufferMb {@code ram-buffer-mb}: Lucene's indexing buffer; a build that fits in it
 *     writes one segment (one graph). Default: a quarter of the maximum heap, at most 1,024
 */
record HnswSettings(
    int maxConnections, int beamWidth, int candidates, Storage storage, int ramBufferMb) {

  /** Where the Lucene files are kept. */
  enum Storage {
    /** On the Java heap ({@code ByteBuffersDirectory}); nothing on disk until saved. */
    MEMORY,
    /**
     * Memory-mapped files in a fresh folder under the plugin's data directory, deleted on close
     * (for collections larger than the heap).
     */
    DISK
  }

  /** The defaults, for a host that gives no context. */
  static HnswSettings defaults() {
    return from(null, LuceneHnswIndexProvider.NAME);
  }

  /**
   * Reads the settings.
   *
   * @param context the host's context, or null for the defaults
   * @param provider the provider name, which prefixes every key
   * @throws IllegalArgumentException naming the key of a value that is malformed or out of range
   */
  static HnswSettings from(PluginContext context, String provider) {
    String prefix = "mnemosyne.plugin." + provider + ".";
    int defaultBuffer =
        (int) Math.max(16, Math.min(1024, Runtime.getRuntime().maxMemory() / 4 / (1 << 20)));
    String storage = value(context, prefix + "storage").orElse("memory");
    Storage where =
        switch (storage.trim().toLowerCase(Locale.ROOT)) {
          case "memory" -> Storage.MEMORY;
          case "disk" -> Storage.DISK;
          default ->
              throw new IllegalArgumentException(
                  prefix + "storage must be memory or disk, was " + storage);
        };
    return new HnswSettings(
        integer(context, prefix + "m", 16, 2, 512),
        integer(context, prefix + "beam-width", 100, 2, 3200),
        integer(context, prefix + "candidates", 100, 1, 100_000),
        where,
        integer(context, prefix + "ram-buffer-mb", defaultBuffer, 16, 2047));
  }

  /** How many candidates the graph search collects for a query of k. */
  int candidatesFor(int k) {
    return Math.max(k, candidates);
  }

  private static Optional<String> value(PluginContext context, String key) {
    return context == null ? Optional.empty() : context.config(key);
  }

  private static int integer(PluginContext context, String key, int fallback, int min, int max) {
    Optional<String> value = value(context, key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(value.get().trim());
      if (v < min || v > max) {
        throw new IllegalArgumentException(
            key + " must be between " + min + " and " + max + ", was " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, was " + value.get(), e);
    }
  }
}
