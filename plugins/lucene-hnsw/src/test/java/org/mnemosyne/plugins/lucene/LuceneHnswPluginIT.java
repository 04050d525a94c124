package org.mnemosyne.plugins.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.SearchResult;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.index.IndexFixtures;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import org.mnemosyne.runtime.plugin.ProviderEntry;

/**
 * The packaged plugin jar, dropped into a plugins directory as a user would: the registry finds the
 * provider in it (Lucene relocated inside, nothing else needed), and it builds, searches, saves and
 * loads from its own class loader, with its data under the host's plugin-data directory. Neither
 * the plugin's classes nor Lucene are on this test's class path.
 */
class LuceneHnswPluginIT {
  private static final int D = 24;

  @TempDir Path home;

  private PluginRegistry registry(String... config) throws Exception {
    Path plugins = Files.createDirectories(home.resolve("plugins"));
    Path jar = Path.of(System.getProperty("plugin.jar"));
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    Map<String, String> settings =
        new java.util.HashMap<>(Map.of("mnemosyne.home", home.toString()));
    for (int i = 0; i + 1 < config.length; i += 2) {
      settings.put(config[i], config[i + 1]);
    }
    MnemosyneConfig c = MnemosyneConfig.of(settings);
    return PluginRegistry.load(getClass().getClassLoader(), c, DataLayout.from(c));
  }

  @Test
  void theJarCarriesRelocatedLuceneAndNothingOfTheHost() throws Exception {
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("org.apache.lucene.index.IndexWriter"),
        "Lucene is not on the test class path");
    try (JarFile jar = new JarFile(System.getProperty("plugin.jar"))) {
      assertTrue(
          jar.getEntry("org/mnemosyne/plugins/lucene/shaded/lucene/index/IndexWriter.class")
              != null);
      assertTrue(jar.getEntry("org/apache/lucene/index/IndexWriter.class") == null);
      assertTrue(
          jar.getEntry("org/mnemosyne/api/index/IndexProvider.class") == null, "no API copy");
      assertTrue(
          jar.getEntry("META-INF/services/org.mnemosyne.plugins.lucene.shaded.lucene.codecs.Codec")
              != null,
          "Lucene's codec services relocated");
    }
  }

  @Test
  void theRegistryLoadsThePluginAndItWorksFromItsOwnClassLoader() throws Exception {
    PluginRegistry registry = registry("mnemosyne.plugin.lucene-hnsw.storage", "disk");
    assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    ProviderEntry entry =
        registry.entries().stream()
            .filter(e -> e.name().equals("lucene-hnsw"))
            .findFirst()
            .orElseThrow();
    assertTrue(entry.origin().jar().isPresent(), "from the plugin jar");
    IndexProvider provider = registry.require(IndexProvider.class, "lucene-hnsw");
    assertNotSame(getClass().getClassLoader(), provider.getClass().getClassLoader());

    IndexFixtures.Shape shape = new IndexFixtures.Shape(1500, D, 5, 4, 15, false, 0.6);
    List<IndexedItem> items = IndexFixtures.items(shape, new Random(12));
    PluginContext context = registry.contextFor(provider);
    Path file = home.resolve("saved.mnix");
    Random rnd = new Random(13);
    try (ConditionalIndex index =
        provider.build(
            context,
            IndexFixtures.source(items, D, IndexFixtures.SCHEMA),
            ProgressListener.NONE,
            CancellationToken.NONE)) {
      try (var open = Files.list(context.dataDirectory())) {
        assertEquals(1, open.count(), "working files under the plugin's data directory");
      }
      double recall = 0;
      for (int i = 0; i < 50; i++) {
        Condition c = IndexFixtures.condition(shape, rnd, 2);
        float[] q = IndexFixtures.query(items, D, rnd);
        SearchResult r = index.search(q, c, 10);
        recall += recall(IndexFixtures.bruteForce(items, q, c, 10), r.hits());
        r.hits()
            .forEach(
                h ->
                    assertTrue(
                        items.stream()
                            .filter(it -> it.id() == h.itemId())
                            .allMatch(it -> c.test(it.facets()))));
      }
      assertTrue(recall / 50 >= 0.9, "recall@10 " + recall / 50);
      index.save(file);
    }
    try (ConditionalIndex loaded = provider.load(context, file, "test-model", D)) {
      assertEquals(items.size(), loaded.size());
      assertEquals("lucene-hnsw", loaded.header().provider());
    }
    try (var left = Files.list(context.dataDirectory())) {
      assertEquals(0, left.count(), "working files deleted on close");
    }
  }

  private static double recall(List<Hit> expected, List<Hit> actual) {
    if (expected.isEmpty()) {
      return 1.0;
    }
    long found =
        expected.stream()
            .filter(e -> actual.stream().anyMatch(a -> a.itemId() == e.itemId()))
            .count();
    return found / (double) expected.size();
  }
}
