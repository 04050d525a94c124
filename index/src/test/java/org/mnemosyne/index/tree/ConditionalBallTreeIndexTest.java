package org.mnemosyne.index.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.SearchResult;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.index.ConditionalIndexContract;
import org.mnemosyne.index.IndexFixtures;
import org.mnemosyne.index.TestContext;

/** The paper's tree with the postings fallback off: every search traverses the tree. */
class ConditionalBallTreeIndexTest extends ConditionalIndexContract {
  @Override
  protected IndexProvider provider() {
    return new ConditionalBallTreeProvider();
  }

  @Override
  protected PluginContext context() {
    return new TestContext(
        Map.of(
            "mnemosyne.plugin.conditional-ball-tree.fallback", "0",
            "mnemosyne.plugin.conditional-ball-tree.leaf-size", "16"));
  }

  @Test
  void treePrunesOnLowDimensionalClusteredData() {
    List<IndexedItem> items =
        IndexFixtures.items(new IndexFixtures.Shape(5000, 3, 5, 5, 50, false), new Random(2));
    ConditionalIndex index = build(items, 3, IndexFixtures.SCHEMA);
    SearchResult r = index.search(items.get(7).vector(), Condition.ALL, 5);
    assertEquals("tree", r.mode());
    assertTrue(r.vectorsScored() < items.size() / 10, "ball bounds prune: " + r.vectorsScored());
    SearchResult rare =
        index.search(items.get(7).vector(), Condition.range("year", 1400., 1405.), 5);
    assertEquals("tree", rare.mode());
    assertTrue(rare.nodesVisited() < 200, "per-node min/max prune ranges: " + rare.nodesVisited());
  }
}
