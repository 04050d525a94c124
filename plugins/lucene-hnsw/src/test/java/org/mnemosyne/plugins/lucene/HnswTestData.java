package org.mnemosyne.plugins.lucene;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.index.IndexFixtures;

/** Builds {@code lucene-hnsw} indexes over the index module's random fixtures. */
final class HnswTestData {
  private HnswTestData() {}

  /** A plugin context with fixed configuration and a given data directory. */
  record Context(Map<String, String> config, Path dataDirectory) implements PluginContext {
    @Override
    public Optional<String> config(String key) {
      return Optional.ofNullable(config.get(key));
    }

    @Override
    public Map<String, String> configWithPrefix(String prefix) {
      Map<String, String> out = new TreeMap<>();
      config.forEach(
          (k, v) -> {
            if (k.startsWith(prefix)) {
              out.put(k, v);
            }
          });
      return out;
    }

    @Override
    public Path sharedDataDirectory() {
      return dataDirectory;
    }

    @Override
    public System.Logger logger() {
      return System.getLogger("lucene-hnsw-test");
    }
  }

  /** A context whose settings are {@code mnemosyne.plugin.lucene-hnsw.<key>}. */
  static Context context(Path dataDirectory, String... keysAndValues) {
    Map<String, String> config = new TreeMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      config.put("mnemosyne.plugin.lucene-hnsw." + keysAndValues[i], keysAndValues[i + 1]);
    }
    return new Context(config, dataDirectory);
  }

  /** An index of the items over {@link IndexFixtures#SCHEMA}, model {@code test-model}. */
  static ConditionalIndex build(PluginContext context, List<IndexedItem> items, int d) {
    return new LuceneHnswIndexProvider()
        .build(
            context,
            IndexFixtures.source(items, d, IndexFixtures.SCHEMA),
            ProgressListener.NONE,
            CancellationToken.NONE);
  }

  /** The exact dot product of a query with an item's vector. */
  static double dot(float[] q, IndexedItem item) {
    return IndexFixtures.exactDot(q, item.vector());
  }

  /** Fraction of the expected ids that were found. */
  static double recall(List<Hit> expected, List<Hit> actual) {
    if (expected.isEmpty()) {
      return 1.0;
    }
    java.util.Set<Long> found = new java.util.HashSet<>();
    actual.forEach(h -> found.add(h.itemId()));
    long hit = expected.stream().filter(h -> found.contains(h.itemId())).count();
    return hit / (double) expected.size();
  }
}
