package org.mnemosyne.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.FacetType;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.api.index.SearchResult;
import org.mnemosyne.api.index.VectorSource;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;

/** Saved indexes per model version and provider, with the real index providers of the WAR. */
class IndexStoreTest {
  @TempDir Path home;
  private PluginRegistry registry;
  private IndexProvider provider;
  private PluginContext context;
  private IndexStore store;

  @BeforeEach
  void setUp() {
    MnemosyneConfig config = MnemosyneConfig.of(Map.of("mnemosyne.home", home.toString()));
    registry = PluginRegistry.load(getClass().getClassLoader(), config, DataLayout.from(config));
    provider = registry.require(IndexProvider.class, "bounded-scan");
    context = registry.contextFor(provider);
    store = new IndexStore(home.resolve("index"));
  }

  /** Random unit vectors with a collection facet. */
  private record Source(String modelId, int dimension, int n, long seed) implements VectorSource {
    @Override
    public FacetSchema schema() {
      return FacetSchema.of(
          java.util.List.of(new FacetField("collection", FacetType.CATEGORICAL, false)));
    }

    @Override
    public long count() {
      return n;
    }

    @Override
    public void scan(Consumer<IndexedItem> sink) {
      Random r = new Random(seed);
      for (int i = 0; i < n; i++) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int j = 0; j < dimension; j++) {
          v[j] = (float) r.nextGaussian();
          norm += v[j] * v[j];
        }
        for (int j = 0; j < dimension; j++) {
          v[j] /= (float) Math.sqrt(norm);
        }
        sink.accept(
            new IndexedItem(
                1000 + i,
                v,
                ItemFacets.builder().add("collection", i % 3 == 0 ? "a" : "b").build()));
      }
    }
  }

  private ConditionalIndex build(Source source) {
    return provider.build(context, source, ProgressListener.NONE, CancellationToken.NONE);
  }

  private static float[] query(int dimension) {
    float[] q = new float[dimension];
    q[0] = 1;
    q[1] = 0.5f;
    return q;
  }

  @Test
  void aSavedIndexReopensForTheSameFingerprintAndAnswersTheSame() {
    Source source = new Source("model-x", 64, 500, 1);
    ConditionalIndex built = build(source);
    store.save(built, "bounded-scan", "model-x", "v1", "fp-1");
    Optional<ConditionalIndex> opened = store.load(provider, context, "model-x", "v1", 64, "fp-1");
    assertTrue(opened.isPresent());
    assertEquals(500, opened.get().size());
    Condition a = Condition.term("collection", "a");
    for (Condition c : new Condition[] {Condition.ALL, a}) {
      SearchResult expected = built.search(query(64), c, 10);
      SearchResult actual = opened.get().search(query(64), c, 10);
      assertEquals(expected.hits(), actual.hits(), "same hits for " + c);
    }
    assertTrue(
        store.load(provider, context, "model-x", "v1", 64, "fp-2").isEmpty(),
        "a file built from another database state is not used");
  }

  @Test
  void eachModelVersionKeepsItsOwnIndex() {
    ConditionalIndex x = build(new Source("model-x", 64, 300, 1));
    ConditionalIndex y = build(new Source("model-y", 32, 200, 2));
    store.save(x, "bounded-scan", "model-x", "v1", "fp-x");
    store.save(y, "bounded-scan", "model-y", "v1", "fp-y");
    assertTrue(
        !store
            .file("bounded-scan", "model-x", "v1")
            .equals(store.file("bounded-scan", "model-y", "v1")));
    assertEquals(300, store.load(provider, context, "model-x", "v1", 64, "fp-x").get().size());
    assertEquals(200, store.load(provider, context, "model-y", "v1", 32, "fp-y").get().size());
    assertTrue(
        store.load(provider, context, "model-x", "v2", 64, "fp-x").isEmpty(),
        "another version of the model has no index yet");
  }

  @Test
  void aCorruptOrMismatchedFileIsRefusedNotUsed() throws Exception {
    ConditionalIndex built = build(new Source("model-x", 64, 300, 1));
    store.save(built, "bounded-scan", "model-x", "v1", "fp-1");
    assertTrue(
        store.load(provider, context, "model-x", "v1", 32, "fp-1").isEmpty(),
        "the header's dimension does not match");
    Path file = store.file("bounded-scan", "model-x", "v1");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(file, bytes);
    assertTrue(
        store.load(provider, context, "model-x", "v1", 64, "fp-1").isEmpty(),
        "a flipped byte fails the checksum");
    Files.write(file, java.util.Arrays.copyOf(bytes, 100));
    assertTrue(store.load(provider, context, "model-x", "v1", 64, "fp-1").isEmpty(), "truncated");
  }

  @Test
  void namesCannotLeaveTheIndexFolderAndAFailedSaveLeavesNoStamp() throws Exception {
    Path file = store.file("bounded-scan", "../../etc/passwd", "v/1");
    assertEquals(home.resolve("index"), file.getParent());
    ConditionalIndex built = build(new Source("model-x", 16, 50, 1));
    Files.createDirectories(home.resolve("index"));
    // a directory where the file should go: the save fails, and no stamp vouches for it
    Files.createDirectories(store.file("bounded-scan", "model-z", "v1"));
    store.save(built, "bounded-scan", "model-z", "v1", "fp");
    assertFalse(Files.exists(home.resolve("index/model-z@v1.bounded-scan.idx.fingerprint")));
    assertTrue(store.load(provider, context, "model-z", "v1", 16, "fp").isEmpty());
  }
}
