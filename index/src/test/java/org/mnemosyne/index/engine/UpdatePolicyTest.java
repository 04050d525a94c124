package org.mnemosyne.index.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.index.IndexFixtures;

/** A tiny policy makes flushes, merges and rebuilds happen within a few hundred updates. */
class UpdatePolicyTest {

  @Test
  void flushesMergesAndRebuildsKeepSegmentsBoundedAndAnswersExact() {
    Random rnd = new Random(1);
    IndexFixtures.Shape shape = new IndexFixtures.Shape(100, 8, 4, 4, 5, false);
    List<IndexedItem> initial = IndexFixtures.items(shape, rnd);
    UpdatePolicy policy = new UpdatePolicy(4, 2, 0.5, 8);
    for (IndexFlavor flavor :
        List.of(
            IndexFlavor.boundedScan("b", "1", 8).withPolicy(policy),
            IndexFlavor.conditionalBallTree("t", "1", 8, false).withPolicy(policy),
            IndexFlavor.exactScan("s", "1").withPolicy(policy))) {
      SegmentedIndex index =
          SegmentedIndex.build(
              flavor,
              IndexFixtures.source(initial, 8, IndexFixtures.SCHEMA),
              ProgressListener.NONE,
              CancellationToken.NONE);
      Map<Long, IndexedItem> model = new LinkedHashMap<>();
      initial.forEach(i -> model.put(i.id(), i));
      List<IndexedItem> fresh =
          IndexFixtures.items(new IndexFixtures.Shape(300, 8, 4, 4, 5, false), rnd);
      int maxSegments = 0;
      boolean rebuilt = false;
      for (int op = 0; op < 300; op++) {
        if (op % 5 == 4) {
          IndexedItem victim = new ArrayList<>(model.values()).get(rnd.nextInt(model.size()));
          index.remove(victim.id());
          model.remove(victim.id());
        } else {
          IndexedItem f = fresh.get(op);
          IndexedItem item = new IndexedItem(f.id() + 100_000, f.vector(), f.facets());
          index.add(item);
          model.put(item.id(), item);
        }
        rebuilt |= maxSegments >= 2 && index.segmentCount() == 1;
        maxSegments = Math.max(maxSegments, index.segmentCount());
        assertEquals(model.size(), index.size());
        if (op % 10 == 0) {
          List<IndexedItem> now = new ArrayList<>(model.values());
          float[] q = IndexFixtures.query(now, 8, rnd);
          Condition c = IndexFixtures.condition(shape, rnd, 2);
          List<Hit> expected = IndexFixtures.bruteForce(now, q, c, 10);
          assertEquals(expected, index.search(q, c, 10).hits(), flavor + " after op " + op);
        }
      }
      assertTrue(maxSegments <= policy.maxSegments() + 1, "merges bound segments: " + maxSegments);
      assertTrue(maxSegments >= 2, "flushes made segments");
      assertTrue(rebuilt, "a rebuild folded the segments back into one");
    }
  }

  @Test
  void invalidPoliciesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new UpdatePolicy(0, 8, 0.1, 10));
    assertThrows(IllegalArgumentException.class, () -> new UpdatePolicy(4, 1, 0.1, 10));
    assertThrows(IllegalArgumentException.class, () -> new UpdatePolicy(4, 8, 0, 10));
  }
}
