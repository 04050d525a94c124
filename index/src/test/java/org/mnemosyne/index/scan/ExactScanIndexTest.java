package org.mnemosyne.index.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.IndexFormatException;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.api.index.SearchResult;
import org.mnemosyne.api.index.VectorSource;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;

class ExactScanIndexTest {
  private static final FacetSchema SCHEMA =
      FacetSchema.of(
          FacetField.categorical("culture", false),
          FacetField.categorical("medium", true),
          FacetField.numeric("year"));
  private static final String[] CULTURES = {"French", "Dutch", "Italian"};
  private static final String[] MEDIA = {"oil", "tempera", "ink"};

  @TempDir Path dir;

  static List<IndexedItem> randomItems(int n, int d, Random rnd) {
    List<IndexedItem> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] v = new float[d];
      double norm = 0;
      for (int j = 0; j < d; j++) {
        v[j] = (float) rnd.nextGaussian();
        norm += v[j] * v[j];
      }
      for (int j = 0; j < d; j++) {
        v[j] /= (float) Math.sqrt(norm);
      }
      ItemFacets.Builder f = ItemFacets.builder();
      if (rnd.nextInt(10) > 0) {
        f.add("culture", CULTURES[rnd.nextInt(3)]);
      }
      f.add("medium", MEDIA[rnd.nextInt(3)]);
      if (rnd.nextBoolean()) {
        f.add("medium", MEDIA[rnd.nextInt(3)]);
      }
      f.add("year", 1400 + rnd.nextInt(500));
      items.add(new IndexedItem(i * 3L + 1, v, f.build()));
    }
    return items;
  }

  static VectorSource source(List<IndexedItem> items, int d) {
    return new VectorSource() {
      public String modelId() {
        return "test-model";
      }

      public int dimension() {
        return d;
      }

      public FacetSchema schema() {
        return SCHEMA;
      }

      public long count() {
        return items.size();
      }

      public void scan(Consumer<IndexedItem> sink) {
        items.forEach(sink);
      }
    };
  }

  static ConditionalIndex build(List<IndexedItem> items, int d) {
    return new ExactScanIndexProvider()
        .build(null, source(items, d), ProgressListener.NONE, CancellationToken.NONE);
  }

  static List<Hit> bruteForce(List<IndexedItem> items, float[] q, Condition c, int k) {
    return items.stream()
        .filter(i -> c.test(i.facets()))
        .map(i -> new Hit(i.id(), ExactScanIndex.dot(q, i.vector())))
        .sorted(ExactScanIndex.BEST_FIRST)
        .limit(k)
        .toList();
  }

  @Test
  void matchesBruteForceOnRandomConditions() {
    Random rnd = new Random(42);
    List<IndexedItem> items = randomItems(500, 16, rnd);
    ConditionalIndex index = build(items, 16);
    String[] conditions = {
      "*",
      "culture:French",
      "NOT culture:French",
      "medium:oil AND year:[1600 TO 1700]",
      "culture:Dutch OR (medium:ink AND NOT year:[* TO 1500])",
      "culture:Nobody"
    };
    for (String text : conditions) {
      Condition c = Condition.parse(text, SCHEMA);
      for (int k : new int[] {1, 10, 1000}) {
        float[] q = randomItems(1, 16, rnd).get(0).vector();
        SearchResult r = index.search(q, c, k);
        List<Hit> expected = bruteForce(items, q, c, k);
        assertEquals(expected, r.hits(), text + " k=" + k);
        long matching = items.stream().filter(i -> c.test(i.facets())).count();
        assertEquals(Math.min(k, matching), r.hits().size());
        assertEquals(matching, r.matching());
      }
    }
  }

  @Test
  void addReplacesAndRemoveDeletes() {
    Random rnd = new Random(1);
    List<IndexedItem> items = randomItems(10, 8, rnd);
    ConditionalIndex index = build(items, 8);
    IndexedItem first = items.get(0);
    index.add(new IndexedItem(first.id(), first.vector(), ItemFacets.EMPTY));
    assertEquals(10, index.size());
    assertTrue(index.remove(first.id()));
    assertEquals(9, index.size());
    float[] q = first.vector();
    assertTrue(
        index.search(q, Condition.ALL, 10).hits().stream()
            .noneMatch(h -> h.itemId() == first.id()));
  }

  @Test
  void savedIndexLoadsIdentically() throws Exception {
    Random rnd = new Random(7);
    List<IndexedItem> items = randomItems(200, 12, rnd);
    ConditionalIndex index = build(items, 12);
    Path file = dir.resolve("idx.bin");
    index.save(file);
    ConditionalIndex loaded = new ExactScanIndexProvider().load(null, file, "test-model", 12);
    assertEquals(200, loaded.size());
    Condition c = Condition.parse("medium:tempera", SCHEMA);
    float[] q = items.get(5).vector();
    assertEquals(index.search(q, c, 20).hits(), loaded.search(q, c, 20).hits());
  }

  @Test
  void mismatchedOrCorruptFilesAreRefusedClearly() throws Exception {
    ConditionalIndex index = build(randomItems(20, 4, new Random(3)), 4);
    Path file = dir.resolve("idx.bin");
    index.save(file);
    ExactScanIndexProvider p = new ExactScanIndexProvider();
    assertTrue(
        assertThrows(IndexFormatException.class, () -> p.load(null, file, "other-model", 4))
            .getMessage()
            .contains("other-model"));
    assertThrows(IndexFormatException.class, () -> p.load(null, file, "test-model", 8));
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x55;
    Files.write(file, bytes);
    assertTrue(
        assertThrows(IndexFormatException.class, () -> p.load(null, file, "test-model", 4))
            .getMessage()
            .contains("corrupt"));
    Files.write(file, java.util.Arrays.copyOf(bytes, 30));
    assertThrows(IndexFormatException.class, () -> p.load(null, file, "test-model", 4));
  }

  @Test
  void badQueriesAreRejected() {
    ConditionalIndex index = build(randomItems(5, 4, new Random(3)), 4);
    assertThrows(
        IllegalArgumentException.class, () -> index.search(new float[3], Condition.ALL, 1));
    assertThrows(
        IllegalArgumentException.class, () -> index.search(new float[4], Condition.ALL, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> index.search(new float[4], Condition.term("colour", "red"), 1));
  }
}
