package org.mnemosyne.plugins.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.api.index.SearchResult;
import org.mnemosyne.api.progress.CancellationSource;
import org.mnemosyne.api.progress.CancelledException;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.index.IndexFixtures;

/**
 * Searches of a built index against brute force over the filtered set: every hit satisfies the
 * condition, scores are the dot products, recall@10 is high on clustered data, and where Lucene
 * scores every match the answer is the exact one.
 */
class LuceneHnswIndexTest {
  private static final int D = 48;
  private static final IndexFixtures.Shape SHAPE =
      new IndexFixtures.Shape(4000, D, 8, 6, 40, false, 0.6);
  private static List<IndexedItem> items;
  private static Map<Long, IndexedItem> byId;
  private static ConditionalIndex index;

  @TempDir Path dataDir;

  @BeforeAll
  static void build(@TempDir Path dir) {
    items = IndexFixtures.items(SHAPE, new Random(3));
    byId = new HashMap<>();
    items.forEach(i -> byId.put(i.id(), i));
    index = HnswTestData.build(HnswTestData.context(dir), items, D);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static long countMatching(Condition c) {
    return items.stream().filter(i -> c.test(i.facets())).count();
  }

  @Test
  void everyHitSatisfiesTheConditionWithItsDotProductAsScore() {
    Random rnd = new Random(8);
    Set<String> modes = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      Condition c = i % 10 == 0 ? Condition.ALL : IndexFixtures.condition(SHAPE, rnd, 3);
      float[] q = IndexFixtures.query(items, D, rnd);
      int k = new int[] {1, 5, 10, 100}[i % 4];
      SearchResult r = index.search(q, c, k);
      modes.add(r.mode());
      assertEquals(countMatching(c), r.matching(), c.toQueryString());
      assertTrue(r.hits().size() <= Math.min(k, r.matching()), c.toQueryString());
      Set<Long> seen = new HashSet<>();
      for (int h = 0; h < r.hits().size(); h++) {
        Hit hit = r.hits().get(h);
        IndexedItem item = byId.get(hit.itemId());
        assertTrue(c.test(item.facets()), hit + " fails " + c.toQueryString());
        assertTrue(seen.add(hit.itemId()), "duplicate hit " + hit);
        assertEquals(HnswTestData.dot(q, item), hit.score(), 1e-5);
        if (h > 0) {
          Hit before = r.hits().get(h - 1);
          assertTrue(
              before.score() > hit.score()
                  || (before.score() == hit.score() && before.itemId() < hit.itemId()),
              "best first, ties by id");
        }
      }
    }
    assertTrue(modes.contains(PlanRecordingKnnQuery.GRAPH), modes.toString());
    assertTrue(modes.contains(PlanRecordingKnnQuery.EXACT), modes.toString());
  }

  @Test
  void recallAtTenIsAtLeastNinetyPercentAgainstBruteForce() {
    Random rnd = new Random(21);
    Map<String, double[]> recallByMode = new TreeMap<>(); // sum, count
    double sum = 0;
    int queries = 0;
    for (int i = 0; i < 400; i++) {
      Condition c =
          i % 4 == 0
              ? Condition.ALL
              : Condition.term("culture", "c" + rnd.nextInt(SHAPE.cultures()));
      float[] q = IndexFixtures.query(items, D, rnd);
      List<Hit> want = IndexFixtures.bruteForce(items, q, c, 10);
      SearchResult r = index.search(q, c, 10);
      double recall = HnswTestData.recall(want, r.hits());
      double[] acc = recallByMode.computeIfAbsent(r.mode(), m -> new double[2]);
      acc[0] += recall;
      acc[1]++;
      sum += recall;
      queries++;
    }
    StringBuilder report = new StringBuilder();
    recallByMode.forEach(
        (mode, acc) ->
            report.append(String.format(" %s: %.4f over %.0f", mode, acc[0] / acc[1], acc[1])));
    assertTrue(sum / queries >= 0.9, "recall@10 " + sum / queries + report);
    assertTrue(
        recallByMode.containsKey(PlanRecordingKnnQuery.GRAPH), "the graph was searched" + report);
    assertTrue(
        recallByMode.get(PlanRecordingKnnQuery.GRAPH)[0]
                / recallByMode.get(PlanRecordingKnnQuery.GRAPH)[1]
            >= 0.9,
        "graph-search recall" + report);
  }

  @Test
  void whereLuceneScoresEveryMatchTheAnswerIsExact() {
    Random rnd = new Random(34);
    int exactRuns = 0;
    for (int i = 0; i < 400; i++) {
      Condition c = IndexFixtures.condition(SHAPE, rnd, 3);
      float[] q = IndexFixtures.query(items, D, rnd);
      SearchResult r = index.search(q, c, 10);
      if (r.mode().equals(PlanRecordingKnnQuery.GRAPH)) {
        continue;
      }
      exactRuns++;
      List<Hit> want = IndexFixtures.bruteForce(items, q, c, 10);
      assertEquals(want.size(), r.hits().size(), c.toQueryString());
      for (int h = 0; h < want.size(); h++) {
        // Same ranking, up to the float rounding of Lucene's score (exact ties may swap).
        assertEquals(want.get(h).score(), r.hits().get(h).score(), 1e-5, c.toQueryString());
        assertTrue(
            want.get(h).itemId() == r.hits().get(h).itemId()
                || Math.abs(want.get(h).score() - r.hits().get(h).score()) < 1e-6,
            c.toQueryString());
      }
    }
    assertTrue(exactRuns > 50, "exact plans ran " + exactRuns + " times");
  }

  @Test
  void fewerMatchesThanCandidatesAreScoredExactlyAndCounted() {
    Condition rare = Condition.term("tag", "t-none");
    SearchResult none = index.search(IndexFixtures.query(items, D, new Random(1)), rare, 10);
    assertEquals(List.of(), none.hits());
    assertEquals(0, none.matching());

    IndexedItem tagged =
        items.stream().filter(i -> !i.facets().values("tag").isEmpty()).findFirst().orElseThrow();
    Condition tag = Condition.term("tag", tagged.facets().values("tag").get(0));
    SearchResult r = index.search(tagged.vector(), tag, 10);
    assertEquals(PlanRecordingKnnQuery.EXACT, r.mode());
    assertEquals(countMatching(tag), r.matching());
    assertEquals(countMatching(tag), r.hits().size());
    assertEquals(countMatching(tag), r.vectorsScored());
  }

  @Test
  void addReplaceAndRemoveAreSeenByTheNextSearch() {
    List<IndexedItem> some = items.subList(0, 600);
    try (ConditionalIndex small = HnswTestData.build(HnswTestData.context(dataDir), some, D)) {
      assertEquals(600, small.size());
      float[] v = IndexFixtures.query(some, D, new Random(6));
      IndexedItem fresh =
          new IndexedItem(9_999_999L, v, ItemFacets.builder().add("culture", "new").build());
      small.add(fresh);
      assertEquals(601, small.size());
      Condition isNew = Condition.term("culture", "new");
      assertEquals(List.of(9_999_999L), ids(small.search(v, isNew, 5)));

      // Replacing by id: one item, new facets.
      small.add(new IndexedItem(9_999_999L, v, ItemFacets.builder().add("culture", "old").build()));
      assertEquals(601, small.size());
      assertEquals(List.of(), ids(small.search(v, isNew, 5)));
      assertEquals(List.of(9_999_999L), ids(small.search(v, Condition.term("culture", "old"), 5)));

      assertTrue(small.remove(9_999_999L));
      assertFalse(small.remove(9_999_999L), "already removed");
      assertFalse(small.remove(-12345L), "never there");
      assertEquals(600, small.size());
      long removed = some.get(1).id();
      assertTrue(small.remove(removed));
      Random rnd = new Random(7);
      for (int i = 0; i < 20; i++) {
        SearchResult r = small.search(IndexFixtures.query(some, D, rnd), Condition.ALL, 50);
        assertFalse(ids(r).contains(removed), "a removed item is never returned");
        assertFalse(ids(r).contains(9_999_999L));
        assertEquals(599, r.matching());
      }
    }
  }

  @Test
  void badInputIsRefusedWithClearErrors() {
    float[] q = IndexFixtures.query(items, D, new Random(2));
    assertThrows(
        IllegalArgumentException.class, () -> index.search(new float[3], Condition.ALL, 1));
    assertThrows(
        IllegalArgumentException.class, () -> index.search(new float[D], Condition.ALL, 1));
    float[] nan = q.clone();
    nan[3] = Float.NaN;
    assertThrows(IllegalArgumentException.class, () -> index.search(nan, Condition.ALL, 1));
    float[] inf = q.clone();
    inf[0] = Float.POSITIVE_INFINITY;
    assertThrows(IllegalArgumentException.class, () -> index.search(inf, Condition.ALL, 1));
    assertThrows(IllegalArgumentException.class, () -> index.search(q, Condition.ALL, 0));
    assertThrows(IllegalArgumentException.class, () -> index.search(q, Condition.ALL, 100_001));
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> index.search(q, Condition.term("painter", "x"), 1));
    assertTrue(unknown.getMessage().contains("painter"), unknown.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> index.search(q, Condition.term("year", "1650"), 1));
    assertThrows(NullPointerException.class, () -> index.search(q, null, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> index.add(new IndexedItem(1, new float[D + 1], ItemFacets.EMPTY)));
    float[] bad = new float[D];
    bad[0] = Float.NaN;
    assertThrows(
        IllegalArgumentException.class, () -> index.add(new IndexedItem(1, bad, ItemFacets.EMPTY)));
  }

  @Test
  void aClosedIndexRefusesWork() {
    ConditionalIndex small =
        HnswTestData.build(HnswTestData.context(dataDir), items.subList(0, 50), D);
    small.close();
    small.close(); // idempotent
    assertThrows(
        IllegalStateException.class, () -> small.search(items.get(0).vector(), Condition.ALL, 1));
    assertThrows(IllegalStateException.class, () -> small.add(items.get(0)));
  }

  @Test
  void dimensionsAboveLucenesDefaultLimitAreIndexed() {
    int d = 1280;
    List<IndexedItem> wide =
        IndexFixtures.items(new IndexFixtures.Shape(200, d, 3, 3, 5, false), new Random(4));
    try (ConditionalIndex big = HnswTestData.build(HnswTestData.context(dataDir), wide, d)) {
      IndexedItem target = wide.get(17);
      SearchResult r = big.search(target.vector(), Condition.ALL, 1);
      assertEquals(1, r.hits().size());
      assertEquals(HnswTestData.dot(target.vector(), target), r.hits().get(0).score(), 1e-5);
      assertEquals(d, big.header().dimension());
    }
  }

  @Test
  void diskStorageLivesUnderTheDataDirectoryAndIsDeletedOnClose() throws Exception {
    Path data = Files.createDirectories(dataDir.resolve("plugin-data"));
    try (ConditionalIndex onDisk =
        HnswTestData.build(
            HnswTestData.context(data, "storage", "disk"), items.subList(0, 300), D)) {
      try (Stream<Path> files = Files.list(data)) {
        assertEquals(1, files.count(), "one working folder");
      }
      IndexedItem target = items.get(5);
      assertEquals(
          target.id(), onDisk.search(target.vector(), Condition.ALL, 1).hits().get(0).itemId());
    }
    try (Stream<Path> files = Files.list(data)) {
      assertEquals(0, files.count(), "working folder deleted");
    }
  }

  @Test
  void aBuildReportsProgressAndCanBeCancelled() {
    CancellationSource cancel = new CancellationSource();
    List<String> messages = new ArrayList<>();
    ProgressListener cancelAfterFirst =
        (done, total, message) -> {
          messages.add(message);
          if (done >= 1024) {
            cancel.cancel();
          }
        };
    assertThrows(
        CancelledException.class,
        () ->
            new LuceneHnswIndexProvider()
                .build(
                    HnswTestData.context(dataDir),
                    IndexFixtures.source(items, D, IndexFixtures.SCHEMA),
                    cancelAfterFirst,
                    cancel));
    assertTrue(messages.size() >= 2, messages.toString());
  }

  @Test
  void settingsAreReadAndCheckedUnderThePluginPrefix() {
    HnswSettings s =
        HnswSettings.from(
            HnswTestData.context(dataDir, "m", "8", "beam-width", "40", "candidates", "25"),
            LuceneHnswIndexProvider.NAME);
    assertEquals(8, s.maxConnections());
    assertEquals(40, s.beamWidth());
    assertEquals(25, s.candidatesFor(10));
    assertEquals(50, s.candidatesFor(50));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HnswSettings.from(
                    HnswTestData.context(dataDir, "storage", "tape"),
                    LuceneHnswIndexProvider.NAME));
    assertTrue(e.getMessage().contains("mnemosyne.plugin.lucene-hnsw.storage"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> HnswSettings.from(HnswTestData.context(dataDir, "m", "1"), "lucene-hnsw"));
  }

  private static List<Long> ids(SearchResult r) {
    List<Long> out = new ArrayList<>();
    r.hits().forEach(h -> out.add(h.itemId()));
    return out;
  }

  @Test
  void aFailedMergeNamesItsRootCauseAndForLackOfMemoryTheFix() {
    RuntimeException oom =
        LuceneHnswIndex.mergeFailure(
            new OutOfMemoryError("Java heap space"),
            new IllegalStateException("this writer hit an unrecoverable error"));
    assertTrue(oom.getMessage().contains("OutOfMemoryError: Java heap space"), oom.getMessage());
    assertTrue(oom.getMessage().contains("-Xmx"), oom.getMessage());
    assertTrue(oom.getCause() instanceof OutOfMemoryError);
    RuntimeException io =
        LuceneHnswIndex.mergeFailure(null, new java.io.IOException("No space left on device"));
    assertTrue(io.getMessage().contains("No space left on device"), io.getMessage());
    assertFalse(io.getMessage().contains("-Xmx"), io.getMessage());
  }
}
