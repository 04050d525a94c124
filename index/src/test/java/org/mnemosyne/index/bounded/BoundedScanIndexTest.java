package org.mnemosyne.index.bounded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.index.ConditionalIndexContract;
import org.mnemosyne.index.IndexFixtures;
import org.mnemosyne.index.engine.SearchStats;
import org.mnemosyne.index.engine.SegmentedIndex;

class BoundedScanIndexTest extends ConditionalIndexContract {
  @Override
  protected IndexProvider provider() {
    return new BoundedScanIndexProvider();
  }

  @Test
  void prefixBoundsOnPowerLawDataStayExact() throws Exception {
    Random rnd = new Random(5);
    IndexFixtures.Shape shape = new IndexFixtures.Shape(6000, 256, 10, 8, 60, false, 1.0, 1.2);
    List<IndexedItem> items = IndexFixtures.items(shape, rnd);
    SegmentedIndex index = (SegmentedIndex) build(items, 256, IndexFixtures.SCHEMA);
    long rejected = 0;
    for (int t = 0; t < 30; t++) {
      Condition c = t % 3 == 0 ? Condition.ALL : IndexFixtures.condition(shape, rnd, 2);
      float[] q = IndexFixtures.query(items, 256, rnd);
      SearchStats stats = new SearchStats();
      index.search(q, c, 10, stats);
      rejected += stats.prefixRejections();
      check(index, items, q, c, new int[] {1, 10, 100}[t % 3]);
    }
    assertTrue(rejected > 0, "prefix bounds were used");
    java.nio.file.Path file = dir.resolve("prefix.bin");
    index.save(file);
    SegmentedIndex loaded = (SegmentedIndex) provider().load(context(), file, "test-model", 256);
    for (int t = 0; t < 10; t++) {
      float[] q = IndexFixtures.query(items, 256, rnd);
      SearchStats stats = new SearchStats();
      assertEquals(
          index.search(q, Condition.ALL, 10).hits(),
          loaded.search(q, Condition.ALL, 10, stats).hits());
      assertTrue(stats.prefixRejections() > 0, "the loaded index has its prefix bounds");
    }
  }

  @Test
  void plannerPicksTheModeFromTheConditionsCardinality() {
    Random rnd = new Random(4);
    IndexFixtures.Shape shape = new IndexFixtures.Shape(20_000, 32, 100, 30, 200, false, 0.1);
    List<IndexedItem> items = IndexFixtures.items(shape, rnd);
    SegmentedIndex index = (SegmentedIndex) build(items, 32, IndexFixtures.SCHEMA);
    float[] q = IndexFixtures.query(items, 32, rnd);

    SearchStats tiny = new SearchStats();
    var r = index.search(q, Condition.range("year", 1500., 1500.), 10, tiny);
    assertTrue(r.matching() <= 40, "at most 4k matches: " + r.matching());
    assertEquals("postings-scan", r.mode());
    assertEquals(r.matching(), tiny.exactScores());

    SearchStats few = new SearchStats();
    r = index.search(q, Condition.range("year", 1500., 1503.), 10, few);
    assertTrue(r.matching() > 40 && r.matching() <= 256, "above 4k, below 256: " + r.matching());
    assertEquals("postings-code-scan", r.mode());
    assertEquals(r.matching(), few.approximateScores());
    check(index, items, q, Condition.range("year", 1500., 1503.), 10);

    SearchStats medium = new SearchStats();
    Condition fewCultures =
        Condition.or(
            Condition.term("culture", "c3"),
            Condition.term("culture", "c4"),
            Condition.term("culture", "c5"),
            Condition.term("culture", "c6"));
    r = index.search(q, fewCultures, 10, medium);
    assertEquals("bounded-tree", r.mode());
    assertTrue(medium.approximateScores() <= r.matching());
    assertTrue(medium.exactScores() < r.matching() / 2, "quantised bounds spare exact scores");

    SearchStats broad = new SearchStats();
    r = index.search(q, Condition.not(Condition.term("culture", "c3")), 10, broad);
    assertEquals("bounded-tree", r.mode());
    assertTrue(broad.nodesVisited() > 0);
    assertTrue(
        broad.approximateScores() < r.matching() / 4,
        "ball bounds skip most subtrees on clustered data: " + broad.approximateScores());
    assertTrue(broad.exactScores() < broad.approximateScores());

    SearchStats all = new SearchStats();
    r = index.search(q, Condition.ALL, 10, all);
    assertEquals("bounded-tree", r.mode());
    check(index, items, q, Condition.ALL, 10);
  }

  /**
   * The planner's spread rule: the same number of matches (well above the postings maximum) goes to
   * the tree when the matches fill whole leaves of the partition (one tight cluster) and to the
   * codes of the postings when they are scattered one by one over it; answers exact either way.
   */
  @Test
  void plannerScansTheCodesOfScatteredMatchesAndSearchesTheTreeForDenseOnes() {
    Random rnd = new Random(6);
    int d = 24;
    int n = 30_000;
    List<IndexedItem> items = new java.util.ArrayList<>();
    float[] tight = new float[d];
    tight[0] = 1;
    for (int i = 0; i < n; i++) {
      boolean inCluster = i < 1_000;
      float[] v = new float[d];
      double norm = 0;
      for (int j = 0; j < d; j++) {
        v[j] = (float) ((inCluster ? 10 * tight[j] : 0) + rnd.nextGaussian());
        norm += v[j] * v[j];
      }
      for (int j = 0; j < d; j++) {
        v[j] = (float) (v[j] / Math.sqrt(norm));
      }
      org.mnemosyne.api.index.ItemFacets.Builder f = org.mnemosyne.api.index.ItemFacets.builder();
      // c0: the tight cluster; c1: every 40th item outside it (725, scattered: about one per
      // leaf of 32 that holds any).
      f.add("culture", inCluster ? "c0" : i % 40 == 0 ? "c1" : "c2");
      items.add(new IndexedItem(i * 3L + 5, v, f.build()));
    }
    SegmentedIndex index = (SegmentedIndex) build(items, d, IndexFixtures.SCHEMA);
    for (int t = 0; t < 5; t++) {
      float[] q = IndexFixtures.query(items, d, rnd);
      Condition dense = Condition.term("culture", "c0");
      Condition scattered = Condition.term("culture", "c1");
      SearchStats denseStats = new SearchStats();
      var r = index.search(q, dense, 10, denseStats);
      assertEquals("bounded-tree", r.mode(), "1,000 matches in one cluster: the tree");
      assertTrue(denseStats.nodesVisited() > 0);
      SearchStats scatteredStats = new SearchStats();
      r = index.search(q, scattered, 10, scatteredStats);
      assertTrue(r.matching() > 700, "well above the postings maximum: " + r.matching());
      assertEquals("postings-code-scan", r.mode(), "scattered matches: the codes of the postings");
      assertEquals(0, scatteredStats.nodesVisited());
      assertEquals(r.matching(), scatteredStats.approximateScores(), "every match bounded once");
      assertTrue(scatteredStats.exactScores() < r.matching() / 2, "codes spare exact scores");
      check(index, items, q, dense, 10);
      check(index, items, q, scattered, 10);
      check(index, items, q, scattered, 100);
    }
  }

  /**
   * Sparse ReLU-like data (about 85 % exact zeros, d = 200: not a multiple of the lanes or of 64,
   * zero vectors and duplicates included), facets in runs of consecutive items as with the local
   * vectors of one image: the segment keeps block codes, the planner runs postings-block-scan for
   * the conditions whose matches fill their blocks, and every answer equals brute force, also after
   * deletions and a save and load. Dense queries (every dimension non-zero) fall back.
   */
  @Test
  void blockCodesOnSparseDataStayExact() throws Exception {
    Random rnd = new Random(9);
    int d = 200;
    int n = 6000;
    List<IndexedItem> items = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] v = new float[d];
      int kind = rnd.nextInt(50);
      if (kind == 0 && !items.isEmpty()) {
        v = items.get(rnd.nextInt(items.size())).vector(); // duplicate
      } else if (kind != 1) { // kind 1: zero vector
        double norm = 0;
        int image = i / 49;
        for (int j = 0; j < d; j++) {
          // Non-zero in about 15 % of the dimensions, partly shared by the items of one "image".
          boolean on = new Random(image * 1_000L + j).nextInt(10) < 1 || rnd.nextInt(20) == 0;
          v[j] = on ? (float) Math.abs(rnd.nextGaussian()) : 0f;
          norm += v[j] * v[j];
        }
        for (int j = 0; j < d && norm > 0; j++) {
          v[j] = (float) (v[j] / Math.sqrt(norm));
        }
      }
      org.mnemosyne.api.index.ItemFacets.Builder f = org.mnemosyne.api.index.ItemFacets.builder();
      f.add("culture", "c" + (i / 147) % 25); // runs of 147 consecutive items
      if (rnd.nextInt(3) == 0) {
        f.add("medium", "m" + rnd.nextInt(4));
      }
      f.add("year", 1400 + (i / 49) % 300);
      items.add(new IndexedItem(i * 5L + 3 - 2 * (i % 2), v, f.build()));
    }
    SegmentedIndex index = (SegmentedIndex) build(items, d, IndexFixtures.SCHEMA);
    Condition[] conditions = {
      Condition.ALL,
      Condition.term("culture", "c3"),
      Condition.or(Condition.term("culture", "c1"), Condition.term("culture", "c7")),
      Condition.and(Condition.term("culture", "c2"), Condition.term("medium", "m1")),
      Condition.term("medium", "m0"),
      Condition.range("year", 1400., 1420.),
      Condition.not(Condition.term("culture", "c0"))
    };
    int blockScans = 0;
    for (int t = 0; t < 56; t++) {
      float[] q = sparseQuery(items, d, rnd, t % 7 == 6);
      Condition c = conditions[t % conditions.length];
      int k = new int[] {1, 5, 10, 100}[t % 4];
      SearchStats stats = new SearchStats();
      var r = index.search(q, c, k, stats);
      if (r.mode().equals("postings-block-scan")) {
        blockScans++;
        assertEquals(r.matching(), stats.approximateScores(), "every match bounded once");
        assertTrue(stats.exactScores() < Math.max(4L * k, r.matching()), "bounds spare scores");
      }
      if (t % 7 == 6) {
        assertTrue(!r.mode().equals("postings-block-scan"), "a dense query falls back");
      }
      check(index, items, q, c, k);
    }
    assertTrue(blockScans >= 20, "block scans: " + blockScans);

    List<IndexedItem> kept = new java.util.ArrayList<>();
    for (IndexedItem item : items) {
      if (rnd.nextInt(10) == 0) {
        index.remove(item.id());
      } else {
        kept.add(item);
      }
    }
    for (int t = 0; t < 14; t++) {
      float[] q = sparseQuery(kept, d, rnd, false);
      check(index, kept, q, conditions[t % conditions.length], 10);
    }
    java.nio.file.Path file = dir.resolve("sparse.bin");
    index.save(file);
    SegmentedIndex loaded = (SegmentedIndex) provider().load(context(), file, "test-model", d);
    for (int t = 0; t < 7; t++) {
      float[] q = sparseQuery(kept, d, rnd, false);
      SearchStats stats = new SearchStats();
      var r = loaded.search(q, conditions[t], 10, stats);
      assertEquals(index.search(q, conditions[t], 10).hits(), r.hits());
      check(loaded, kept, q, conditions[t], 10);
    }
  }

  /** A unit query near a random item, sparse like the items, or dense (every dimension set). */
  private static float[] sparseQuery(List<IndexedItem> items, int d, Random rnd, boolean dense) {
    float[] q = items.get(rnd.nextInt(items.size())).vector().clone();
    double norm = 0;
    for (int j = 0; j < d; j++) {
      if (dense) {
        q[j] += (float) (0.1 * rnd.nextGaussian() + 0.01);
      } else if (rnd.nextInt(25) == 0) {
        q[j] += (float) (0.3 * Math.abs(rnd.nextGaussian()));
      }
      norm += q[j] * q[j];
    }
    for (int j = 0; j < d && norm > 0; j++) {
      q[j] = (float) (q[j] / Math.sqrt(norm));
    }
    if (norm == 0) {
      q[0] = 1;
    }
    return q;
  }
}
