package org.mnemosyne.index.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.index.ConditionalIndexContract;
import org.mnemosyne.index.IndexFixtures;

class ExactScanIndexTest extends ConditionalIndexContract {
  @Override
  protected IndexProvider provider() {
    return new ExactScanIndexProvider();
  }

  @Test
  void scoresExactlyTheMatchingItems() {
    List<IndexedItem> items =
        IndexFixtures.items(new IndexFixtures.Shape(500, 8, 4, 4, 4, false), new Random(1));
    ConditionalIndex index = build(items, 8, IndexFixtures.SCHEMA);
    Condition c = Condition.term("culture", "c1");
    var r = index.search(items.get(0).vector(), c, 3);
    assertEquals("postings-scan", r.mode());
    assertEquals(r.matching(), r.vectorsScored());
    assertEquals("scan", index.search(items.get(0).vector(), Condition.ALL, 3).mode());
  }
}
