package org.mnemosyne.plugins.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.IndexFormatException;
import org.mnemosyne.api.index.IndexHeader;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.index.IndexFixtures;
import org.mnemosyne.index.bounded.BoundedScanIndexProvider;

/**
 * Save and load: a round trip answers exactly as before, and a file of another provider, model or
 * dimension, or a damaged one, is refused with a message that says why.
 */
class IndexArchiveTest {
  private static final int D = 16;
  private static final IndexFixtures.Shape SHAPE = new IndexFixtures.Shape(800, D, 5, 4, 12, false);
  private static List<IndexedItem> items;

  @TempDir Path dir;

  @BeforeAll
  static void items() {
    items = IndexFixtures.items(SHAPE, new Random(9));
  }

  private Path saved(String name) throws Exception {
    Path file = dir.resolve(name);
    try (ConditionalIndex index = HnswTestData.build(HnswTestData.context(dir), items, D)) {
      index.remove(items.get(0).id()); // a deletion travels too
      index.save(file);
    }
    return file;
  }

  private ConditionalIndex load(Path file, String model, int d) {
    return new LuceneHnswIndexProvider().load(HnswTestData.context(dir), file, model, d);
  }

  @Test
  void aLoadedIndexAnswersExactlyAsTheSavedOne() throws Exception {
    Path file = dir.resolve("sub/idx.mnix");
    Random rnd = new Random(4);
    try (ConditionalIndex index = HnswTestData.build(HnswTestData.context(dir), items, D)) {
      index.remove(items.get(0).id());
      index.add(new IndexedItem(123_456_789L, items.get(1).vector(), ItemFacets.EMPTY));
      index.save(file);
      IndexHeader before = index.header();
      assertFalse(Files.exists(dir.resolve("sub/idx.mnix.tmp")), "no temporary file left");
      try (ConditionalIndex loaded = load(file, "test-model", D)) {
        assertEquals(before, loaded.header());
        assertEquals(LuceneHnswIndexProvider.NAME, loaded.header().provider());
        assertEquals(items.size(), loaded.size());
        assertTrue(loaded.header().checksum() != 0);
        assertEquals(IndexFixtures.SCHEMA, loaded.schema());
        for (int i = 0; i < 100; i++) {
          Condition c = IndexFixtures.condition(SHAPE, rnd, 2);
          float[] q = IndexFixtures.query(items, D, rnd);
          assertEquals(index.search(q, c, 10).hits(), loaded.search(q, c, 10).hits());
        }
        // Still incremental after loading.
        loaded.add(new IndexedItem(42_000_000L, items.get(2).vector(), ItemFacets.EMPTY));
        assertEquals(items.size() + 1, loaded.size());
        assertTrue(loaded.remove(123_456_789L));
      }
    }
  }

  @Test
  void anotherModelOrDimensionIsRefusedNamingBoth() throws Exception {
    Path file = saved("idx.mnix");
    IndexFormatException model =
        assertThrows(IndexFormatException.class, () -> load(file, "other-model", D));
    assertTrue(model.getMessage().contains("test-model"), model.getMessage());
    assertTrue(model.getMessage().contains("other-model"), model.getMessage());
    IndexFormatException dim =
        assertThrows(IndexFormatException.class, () -> load(file, "test-model", D + 1));
    assertTrue(dim.getMessage().contains("dimension " + D), dim.getMessage());
    assertTrue(dim.getMessage().contains("dimension " + (D + 1)), dim.getMessage());
  }

  @Test
  void anotherProvidersFileIsRefused() throws Exception {
    Path file = dir.resolve("exact.mnix");
    try (ConditionalIndex exact =
        new BoundedScanIndexProvider()
            .build(
                null,
                IndexFixtures.source(items, D, IndexFixtures.SCHEMA),
                ProgressListener.NONE,
                CancellationToken.NONE)) {
      exact.save(file);
    }
    IndexFormatException e =
        assertThrows(IndexFormatException.class, () -> load(file, "test-model", D));
    assertTrue(e.getMessage().contains("bounded-scan"), e.getMessage());
    assertTrue(e.getMessage().contains("lucene-hnsw"), e.getMessage());
    // And the other way round: the exact provider refuses ours.
    Path ours = saved("ours.mnix");
    IndexFormatException back =
        assertThrows(
            IndexFormatException.class,
            () -> new BoundedScanIndexProvider().load(null, ours, "test-model", D));
    assertTrue(back.getMessage().contains("lucene-hnsw"), back.getMessage());
  }

  @Test
  void damagedFilesAreRefused() throws Exception {
    Path file = saved("idx.mnix");
    byte[] bytes = Files.readAllBytes(file);

    Path flipped = dir.resolve("flipped.mnix");
    byte[] f = bytes.clone();
    f[bytes.length / 2] ^= 0x10;
    Files.write(flipped, f);
    IndexFormatException corrupt =
        assertThrows(IndexFormatException.class, () -> load(flipped, "test-model", D));
    assertTrue(corrupt.getMessage().contains("corrupt"), corrupt.getMessage());

    Path truncated = dir.resolve("truncated.mnix");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));
    IndexFormatException shortFile =
        assertThrows(IndexFormatException.class, () -> load(truncated, "test-model", D));
    assertTrue(shortFile.getMessage().contains("truncated"), shortFile.getMessage());

    Path longer = dir.resolve("longer.mnix");
    Files.write(longer, Arrays.copyOf(bytes, bytes.length + 1));
    assertThrows(IndexFormatException.class, () -> load(longer, "test-model", D));

    Path text = Files.writeString(dir.resolve("text.mnix"), "not an index");
    IndexFormatException notIndex =
        assertThrows(IndexFormatException.class, () -> load(text, "test-model", D));
    assertTrue(notIndex.getMessage().contains("not a Mnemosyne index"), notIndex.getMessage());

    Path empty = Files.write(dir.resolve("empty.mnix"), new byte[0]);
    assertThrows(IndexFormatException.class, () -> load(empty, "test-model", D));

    assertThrows(
        IndexFormatException.class, () -> load(dir.resolve("missing.mnix"), "test-model", D));
  }

  @Test
  void anEmptyIndexRoundTrips() throws Exception {
    Path file = dir.resolve("empty-index.mnix");
    try (ConditionalIndex index = HnswTestData.build(HnswTestData.context(dir), List.of(), D)) {
      assertEquals(0, index.size());
      assertEquals(List.of(), index.search(items.get(0).vector(), Condition.ALL, 3).hits());
      index.save(file);
    }
    try (ConditionalIndex loaded = load(file, "test-model", D)) {
      assertEquals(0, loaded.size());
      loaded.add(items.get(0));
      assertEquals(
          items.get(0).id(),
          loaded.search(items.get(0).vector(), Condition.ALL, 1).hits().get(0).itemId());
    }
  }

  @Test
  void diskStorageLoadsToo() throws Exception {
    Path file = saved("idx.mnix");
    Path data = Files.createDirectories(dir.resolve("data"));
    try (ConditionalIndex loaded =
        new LuceneHnswIndexProvider()
            .load(HnswTestData.context(data, "storage", "disk"), file, "test-model", D)) {
      assertEquals(items.size() - 1, loaded.size());
    }
    try (var left = Files.list(data)) {
      assertEquals(0, left.count(), "working folder deleted on close");
    }
  }
}
