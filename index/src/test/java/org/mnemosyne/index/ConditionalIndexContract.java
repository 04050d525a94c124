package org.mnemosyne.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.IndexFormatException;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.api.index.SearchResult;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.index.IndexFixtures.Shape;
import org.mnemosyne.index.engine.SegmentedIndex;

/**
 * The contract every built-in index must keep, run once per provider (and configuration): exact
 * answers equal to brute force over the filtered set, the worked example of ALGORITHMS.md Appendix
 * 5, clear errors on bad input, incremental updates, persistence and concurrent reads.
 */
public abstract class ConditionalIndexContract {
  @TempDir protected Path dir;

  /** The provider under test. */
  protected abstract IndexProvider provider();

  /** The context its indexes are built with (configuration). */
  protected PluginContext context() {
    return null;
  }

  protected ConditionalIndex build(List<IndexedItem> items, int d, FacetSchema schema) {
    return provider()
        .build(
            context(),
            IndexFixtures.source(items, d, schema),
            ProgressListener.NONE,
            CancellationToken.NONE);
  }

  private static IndexedItem item(long id, float[] v, String field, String... values) {
    ItemFacets.Builder f = ItemFacets.builder();
    for (String value : values) {
      f.add(field, value);
    }
    return new IndexedItem(id, v, f.build());
  }

  private static void assertHits(List<Hit> expected, SearchResult actual) {
    assertEquals(expected.size(), actual.hits().size(), "hit count");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).itemId(), actual.hits().get(i).itemId(), "id of hit " + i);
      assertEquals(expected.get(i).score(), actual.hits().get(i).score(), 1e-6, "score " + i);
    }
  }

  @Test
  void answersTheWorkedExampleOfAppendix5() {
    FacetSchema schema = FacetSchema.of(FacetField.categorical("label", false));
    List<IndexedItem> items =
        List.of(
            item(0, new float[] {1, 0}, "label", "A"),
            item(1, new float[] {0, 1}, "label", "B"),
            item(2, new float[] {0.9f, 0.1f}, "label", "B"),
            item(3, new float[] {0.5f, 0.5f}, "label", "C"));
    ConditionalIndex index = build(items, 2, schema);
    float[] q = {1, 0};
    assertHits(List.of(new Hit(0, 1.0), new Hit(2, 0.9)), index.search(q, Condition.ALL, 2));
    Condition b = Condition.term("label", "B");
    Condition c = Condition.term("label", "C");
    assertHits(List.of(new Hit(2, 0.9)), index.search(q, b, 1));
    assertHits(List.of(new Hit(2, 0.9), new Hit(3, 0.5)), index.search(q, Condition.or(b, c), 2));
    SearchResult fewer = index.search(q, c, 5);
    assertHits(List.of(new Hit(3, 0.5)), fewer);
    assertEquals(1, fewer.matching());

    ConditionalIndex synapse =
        build(
            List.of(
                item(0, new float[] {1, 2}, "label", "foo"),
                item(1, new float[] {2, 3}, "label", "bar")),
            2,
            schema);
    assertHits(
        List.of(new Hit(0, 5.0)),
        synapse.search(new float[] {1, 2}, Condition.term("label", "foo"), 5));
  }

  /** Checks one search against brute force and every property of the contract. */
  protected static void check(
      ConditionalIndex index, List<IndexedItem> items, float[] q, Condition c, int k) {
    SearchResult r = index.search(q, c, k);
    List<Hit> expected = IndexFixtures.bruteForce(items, q, c, k);
    long matching = items.stream().filter(i -> c.test(i.facets())).count();
    String what = c.toQueryString() + " k=" + k + " mode=" + r.mode();
    assertEquals(Math.min(k, matching), r.hits().size(), "count = min(k, matches): " + what);
    assertEquals(matching, r.matching(), "matching: " + what);
    Map<Long, IndexedItem> byId = new LinkedHashMap<>();
    items.forEach(i -> byId.put(i.id(), i));
    for (int i = 0; i < r.hits().size(); i++) {
      Hit hit = r.hits().get(i);
      assertEquals(expected.get(i).itemId(), hit.itemId(), "id of hit " + i + ": " + what);
      IndexedItem item = byId.get(hit.itemId());
      assertTrue(c.test(item.facets()), "hit satisfies the condition: " + what);
      assertEquals(IndexFixtures.exactDot(q, item.vector()), hit.score(), 1e-5, "score: " + what);
      assertEquals(expected.get(i).score(), hit.score(), 0.0, "canonical score: " + what);
      if (i > 0) {
        assertTrue(
            IndexFixtures.BEST_FIRST.compare(r.hits().get(i - 1), hit) < 0, "order: " + what);
      }
    }
  }

  private void matchesBruteForce(Shape shape, long seed, int queries) {
    Random rnd = new Random(seed);
    List<IndexedItem> items = IndexFixtures.items(shape, rnd);
    ConditionalIndex index = build(items, shape.d(), IndexFixtures.SCHEMA);
    int[] ks = {1, 5, 10, 100};
    for (int t = 0; t < queries; t++) {
      Condition c = t == 0 ? Condition.ALL : IndexFixtures.condition(shape, rnd, 3);
      check(index, items, IndexFixtures.query(items, shape.d(), rnd), c, ks[t % ks.length]);
    }
  }

  @Test
  void matchesBruteForceOnSmallRandomData() {
    matchesBruteForce(new Shape(300, 3, 3, 4, 5, false), 1, 60);
    matchesBruteForce(new Shape(1, 5, 2, 2, 1, false), 2, 8);
  }

  @Test
  void matchesBruteForceWithManyTiesAndDuplicates() {
    matchesBruteForce(new Shape(3000, 8, 10, 6, 20, true), 3, 60);
  }

  @Test
  void matchesBruteForceInHighDimension() {
    matchesBruteForce(new Shape(2000, 256, 100, 30, 40, false), 4, 40);
    matchesBruteForce(new Shape(1500, 100, 20, 10, 30, false), 5, 40);
  }

  @Test
  void matchesBruteForceOnOneHundredThousandItems() {
    matchesBruteForce(new Shape(100_000, 16, 100, 50, 300, false), 6, 12);
  }

  @Test
  void unknownValuesMatchNothingAndMissingValuesSatisfyNot() {
    Random rnd = new Random(8);
    Shape shape = new Shape(400, 6, 3, 3, 4, false);
    List<IndexedItem> items = IndexFixtures.items(shape, rnd);
    ConditionalIndex index = build(items, 6, IndexFixtures.SCHEMA);
    float[] q = IndexFixtures.query(items, 6, rnd);
    SearchResult none = index.search(q, Condition.term("culture", "nobody"), 10);
    assertEquals(0, none.hits().size());
    assertEquals(0, none.matching());
    SearchResult all = index.search(q, Condition.not(Condition.term("culture", "nobody")), 10);
    assertEquals(items.size(), all.matching());
    Condition noCulture = Condition.not(Condition.term("culture", "c0"));
    long missing = items.stream().filter(i -> i.facets().values("culture").isEmpty()).count();
    assertTrue(missing > 0);
    check(index, items, q, noCulture, 400);
    assertEquals(0, index.search(q, Condition.not(Condition.ALL), 3).hits().size());
  }

  @Test
  void badInputIsRefusedWithClearErrors() {
    Random rnd = new Random(9);
    List<IndexedItem> items = IndexFixtures.items(new Shape(50, 4, 3, 3, 2, false), rnd);
    ConditionalIndex index = build(items, 4, IndexFixtures.SCHEMA);
    float[] ok = {1, 0, 0, 0};
    assertMessage(() -> index.search(new float[] {1, Float.NaN, 0, 0}, Condition.ALL, 1), "NaN");
    assertMessage(
        () -> index.search(new float[] {1, Float.POSITIVE_INFINITY, 0, 0}, Condition.ALL, 1),
        "Infinity");
    assertMessage(() -> index.search(new float[0], Condition.ALL, 1), "empty");
    assertMessage(() -> index.search(new float[4], Condition.ALL, 1), "zeros");
    assertMessage(() -> index.search(new float[3], Condition.ALL, 1), "dimension 3");
    assertMessage(() -> index.search(ok, Condition.ALL, 0), "k must be");
    assertMessage(() -> index.search(ok, Condition.ALL, -5), "k must be");
    assertMessage(() -> index.search(ok, Condition.ALL, Integer.MAX_VALUE), "k must be");
    assertMessage(() -> index.search(ok, Condition.term("colour", "red"), 1), "colour");
    assertMessage(() -> index.search(ok, Condition.term("year", "1600"), 1), "year");
    assertMessage(() -> index.search(ok, Condition.range("culture", 1.0, 2.0), 1), "culture");
    assertThrows(NullPointerException.class, () -> index.search(ok, null, 1));
    assertThrows(NullPointerException.class, () -> index.search(null, Condition.ALL, 1));
    assertMessage(
        () -> index.add(new IndexedItem(5, new float[3], ItemFacets.EMPTY)), "dimension 3");
    assertMessage(
        () -> index.add(new IndexedItem(5, new float[] {0, Float.NaN, 0, 0}, ItemFacets.EMPTY)),
        "non-finite");
    assertEquals(50, index.size());
    assertEquals(
        Math.min(50, SegmentedIndex.MAX_K),
        index.search(ok, Condition.ALL, SegmentedIndex.MAX_K).hits().size());
  }

  private static void assertMessage(Runnable call, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(fragment), e.getMessage() + " should mention " + fragment);
  }

  @Test
  void incrementalUpdatesStayExactThroughFlushesMergesAndRebuilds() {
    Random rnd = new Random(10);
    Shape shape = new Shape(1200, 12, 6, 5, 10, false);
    List<IndexedItem> initial = IndexFixtures.items(shape, rnd);
    SegmentedIndex index = (SegmentedIndex) build(initial, 12, IndexFixtures.SCHEMA);
    Map<Long, IndexedItem> model = new LinkedHashMap<>();
    initial.forEach(i -> model.put(i.id(), i));
    List<IndexedItem> fresh = IndexFixtures.items(new Shape(2600, 12, 6, 5, 10, false), rnd);
    int maxSegments = 0;
    for (int op = 0; op < 2600; op++) {
      int action = rnd.nextInt(10);
      if (action < 6) {
        IndexedItem add = fresh.get(op);
        IndexedItem item = new IndexedItem(add.id() + 1_000_000, add.vector(), add.facets());
        index.add(item);
        model.put(item.id(), item);
      } else if (action < 8 && !model.isEmpty()) {
        IndexedItem victim = new ArrayList<>(model.values()).get(rnd.nextInt(model.size()));
        assertTrue(index.remove(victim.id()));
        assertTrue(!index.remove(victim.id()), "a second removal finds nothing");
        model.remove(victim.id());
      } else if (!model.isEmpty()) {
        IndexedItem old = new ArrayList<>(model.values()).get(rnd.nextInt(model.size()));
        IndexedItem replacement = new IndexedItem(old.id(), fresh.get(op).vector(), old.facets());
        index.add(replacement);
        model.put(old.id(), replacement);
      }
      maxSegments = Math.max(maxSegments, index.segmentCount());
      assertEquals(model.size(), index.size());
      if (op % 97 == 0) {
        List<IndexedItem> now = new ArrayList<>(model.values());
        check(
            index,
            now,
            IndexFixtures.query(now, 12, rnd),
            IndexFixtures.condition(shape, rnd, 2),
            10);
        check(index, now, IndexFixtures.query(now, 12, rnd), Condition.ALL, 20);
      }
    }
    assertTrue(maxSegments <= 9, "merges keep the segment count bounded: " + maxSegments);
    assertTrue(maxSegments >= 3, "flushes created segments: " + maxSegments);
  }

  @Test
  void savedIndexLoadsIdenticallyWithDeletionsAndBuffer() throws Exception {
    Random rnd = new Random(11);
    Shape shape = new Shape(700, 20, 5, 5, 8, false);
    List<IndexedItem> items = new ArrayList<>(IndexFixtures.items(shape, rnd));
    ConditionalIndex index = build(items, 20, IndexFixtures.SCHEMA);
    for (int i = 0; i < 90; i++) {
      index.remove(items.remove(rnd.nextInt(items.size())).id());
    }
    for (IndexedItem add : IndexFixtures.items(new Shape(100, 20, 5, 5, 8, false), rnd)) {
      IndexedItem item = new IndexedItem(add.id() + 5_000_000, add.vector(), add.facets());
      index.add(item);
      items.add(item);
    }
    Path file = dir.resolve("sub/idx.bin");
    index.save(file);
    ConditionalIndex loaded = provider().load(context(), file, "test-model", 20);
    assertEquals(items.size(), loaded.size());
    assertEquals(index.header(), loaded.header());
    assertEquals(provider().name(), loaded.header().provider());
    assertEquals(provider().version(), loaded.header().providerVersion());
    assertEquals(IndexFixtures.SCHEMA, loaded.schema());
    assertTrue(loaded.header().checksum() != 0);
    for (int t = 0; t < 20; t++) {
      Condition c = IndexFixtures.condition(shape, rnd, 2);
      float[] q = IndexFixtures.query(items, 20, rnd);
      assertEquals(index.search(q, c, 10).hits(), loaded.search(q, c, 10).hits());
      check(loaded, items, q, c, 10);
    }
    assertTrue(Files.list(file.getParent()).allMatch(p -> p.equals(file)), "no temporary file");
  }

  @Test
  void mismatchedOrCorruptFilesAreRefusedClearly() throws Exception {
    Random rnd = new Random(12);
    ConditionalIndex index =
        build(IndexFixtures.items(new Shape(300, 4, 3, 3, 3, false), rnd), 4, IndexFixtures.SCHEMA);
    Path file = dir.resolve("idx.bin");
    index.save(file);
    IndexProvider p = provider();
    assertRefused(() -> p.load(context(), file, "other-model", 4), "other-model");
    assertRefused(() -> p.load(context(), file, "test-model", 8), "dimension 4");
    byte[] bytes = Files.readAllBytes(file);
    for (int at : new int[] {bytes.length - 3, bytes.length / 2, 90}) {
      byte[] damaged = bytes.clone();
      damaged[at] ^= 0x55;
      Files.write(file, damaged);
      assertRefused(() -> p.load(context(), file, "test-model", 4), "corrupt");
    }
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    assertRefused(() -> p.load(context(), file, "test-model", 4), "truncated");
    Files.write(file, java.util.Arrays.copyOf(bytes, 30));
    assertThrows(IndexFormatException.class, () -> p.load(context(), file, "test-model", 4));
    Files.writeString(file, "not an index at all");
    assertRefused(() -> p.load(context(), file, "test-model", 4), "not a Mnemosyne index");
    assertRefused(
        () -> p.load(context(), dir.resolve("missing.bin"), "test-model", 4), "missing.bin");
    for (IndexProvider other : java.util.ServiceLoader.load(IndexProvider.class)) {
      if (!other.name().equals(p.name())) {
        Path foreign = dir.resolve(other.name() + ".bin");
        other
            .build(
                null,
                IndexFixtures.source(
                    IndexFixtures.items(new Shape(30, 4, 3, 3, 3, false), rnd),
                    4,
                    IndexFixtures.SCHEMA),
                ProgressListener.NONE,
                CancellationToken.NONE)
            .save(foreign);
        assertRefused(() -> p.load(context(), foreign, "test-model", 4), other.name());
      }
    }
  }

  private static void assertRefused(Runnable call, String fragment) {
    IndexFormatException e = assertThrows(IndexFormatException.class, call::run);
    assertTrue(e.getMessage().contains(fragment), e.getMessage() + " should mention " + fragment);
  }

  @Test
  void concurrentSearchesSeeConsistentStatesDuringUpdates() throws Exception {
    Random rnd = new Random(13);
    Shape shape = new Shape(2000, 16, 5, 5, 10, false);
    List<IndexedItem> items = IndexFixtures.items(shape, rnd);
    ConditionalIndex index = build(items, 16, IndexFixtures.SCHEMA);
    Map<Long, IndexedItem> everything = new ConcurrentHashMap<>();
    items.forEach(i -> everything.put(i.id(), i));
    List<IndexedItem> fresh = IndexFixtures.items(new Shape(1500, 16, 5, 5, 10, false), rnd);
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong searches = new AtomicLong();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      long seed = t;
      Thread reader =
          new Thread(
              () -> {
                Random r = new Random(seed);
                try {
                  while (!done.get()) {
                    Condition c = IndexFixtures.condition(shape, r, 2);
                    float[] q = IndexFixtures.query(items, 16, r);
                    SearchResult res = index.search(q, c, 10);
                    assertEquals(Math.min(10, res.matching()), res.hits().size());
                    for (int i = 0; i < res.hits().size(); i++) {
                      Hit h = res.hits().get(i);
                      IndexedItem item = everything.get(h.itemId());
                      assertTrue(c.test(item.facets()));
                      assertEquals(IndexFixtures.exactDot(q, item.vector()), h.score(), 1e-5);
                      if (i > 0) {
                        assertTrue(IndexFixtures.BEST_FIRST.compare(res.hits().get(i - 1), h) < 0);
                      }
                    }
                    searches.incrementAndGet();
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              });
      reader.start();
      readers.add(reader);
    }
    for (int i = 0; i < fresh.size(); i++) {
      IndexedItem f = fresh.get(i);
      IndexedItem item = new IndexedItem(f.id() + 9_000_000, f.vector(), f.facets());
      everything.put(item.id(), item);
      index.add(item);
      if (i % 3 == 0) {
        index.remove(items.get(i).id());
      }
    }
    done.set(true);
    for (Thread reader : readers) {
      reader.join();
    }
    if (failure.get() != null) {
      fail("a concurrent search failed", failure.get());
    }
    assertTrue(searches.get() > 0);
    assertEquals(2000 + 1500 - 500, index.size());
  }

  @Test
  void emptyAndClosedIndexesBehave() {
    ConditionalIndex empty = build(List.of(), 3, IndexFixtures.SCHEMA);
    assertEquals(0, empty.size());
    SearchResult r = empty.search(new float[] {1, 0, 0}, Condition.ALL, 5);
    assertEquals(0, r.hits().size());
    empty.add(new IndexedItem(42, new float[] {0, 1, 0}, ItemFacets.EMPTY));
    assertEquals(42, empty.search(new float[] {1, 1, 0}, Condition.ALL, 5).hits().get(0).itemId());
    assertEquals("test-model", empty.header().modelId());
    assertEquals(3, empty.header().dimension());
    assertEquals(1, empty.header().count());
    empty.close();
    assertThrows(
        IllegalStateException.class, () -> empty.search(new float[] {1, 0, 0}, Condition.ALL, 1));
  }
}
