package org.mnemosyne.index.tree;

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

/** The tree as registered: default leaf size and Lucene's fallback for tiny conditions. */
class ConditionalBallTreeFallbackTest extends ConditionalIndexContract {
  @Override
  protected IndexProvider provider() {
    return new ConditionalBallTreeProvider();
  }

  @Test
  void tinyConditionsAreScoredFromTheirPostings() {
    List<IndexedItem> items =
        IndexFixtures.items(new IndexFixtures.Shape(3000, 6, 5, 5, 10, false), new Random(3));
    ConditionalIndex index = build(items, 6, IndexFixtures.SCHEMA);
    float[] q = items.get(0).vector();
    var tiny = index.search(q, Condition.range("year", 1500., 1502.), 5);
    assertEquals("postings-scan", tiny.mode());
    assertEquals(tiny.matching(), tiny.vectorsScored());
    assertEquals("tree", index.search(q, Condition.ALL, 5).mode());
  }
}
