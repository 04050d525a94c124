package org.mnemosyne.index.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.index.IndexFixtures;
import org.mnemosyne.index.facet.ConditionEvaluator;
import org.mnemosyne.index.facet.FacetColumns;
import org.mnemosyne.index.facet.OrdinalSet;
import org.mnemosyne.index.vector.DotProduct;
import org.mnemosyne.index.vector.QueryVector;

class BallPartitionTest {

  private static float[] rowMajor(List<IndexedItem> items, int d) {
    float[] x = new float[items.size() * d];
    for (int i = 0; i < items.size(); i++) {
      System.arraycopy(items.get(i).vector(), 0, x, i * d, d);
    }
    return x;
  }

  @Test
  void everyNodeBoundsTheScoresOfItsPointsAndLeavesAreSmall() {
    Random rnd = new Random(1);
    for (int d : new int[] {2, 17, 64}) {
      List<IndexedItem> items =
          IndexFixtures.items(new IndexFixtures.Shape(2000, d, 3, 3, 15, d == 2), rnd);
      float[] x = rowMajor(items, d);
      BallPartition p = BallPartition.build(x, items.size(), d, 20, 1);
      int leafPoints = 0;
      for (int node = 0; node < p.nodeCount(); node++) {
        if (p.isLeaf(node)) {
          leafPoints += p.end(node) - p.start(node);
        }
      }
      assertEquals(items.size(), leafPoints, "leaves cover every point once");
      for (int t = 0; t < 10; t++) {
        QueryVector q = QueryVector.of(IndexFixtures.query(items, d, rnd), d);
        for (int node = 0; node < p.nodeCount(); node++) {
          float bound = p.bound(q.padded(), q.norm(), node);
          for (int pos = p.start(node); pos < p.end(node); pos++) {
            float score = DotProduct.dot(q.padded(), 0, x, p.order(pos) * d, d);
            assertTrue(score <= bound, "node " + node + " bounds its points");
          }
        }
      }
      BallPartition again = BallPartition.build(x, items.size(), d, 20, 1);
      assertEquals(java.util.Arrays.toString(p.order()), java.util.Arrays.toString(again.order()));
    }
  }

  @Test
  void duplicatesEndInOneLeafAsInSynapseMl() {
    float[] x = new float[1000 * 3];
    for (int i = 0; i < 1000; i++) {
      x[i * 3] = 1;
    }
    BallPartition p = BallPartition.build(x, 1000, 3, 10, 1);
    assertEquals(1, p.nodeCount(), "radius 0: one leaf, as SynapseML");
    x[5] = 2;
    BallPartition q = BallPartition.build(x, 1000, 3, 10, 1);
    assertEquals(3, q.nodeCount(), "the odd point splits off, the duplicates stay one leaf");
    assertEquals(1, Math.min(q.end(1) - q.start(1), q.end(2) - q.start(2)));
  }

  @Test
  void nodeConditionsAreConservative() {
    Random rnd = new Random(2);
    IndexFixtures.Shape shape = new IndexFixtures.Shape(3000, 4, 6, 5, 12, false);
    List<IndexedItem> items = IndexFixtures.items(shape, rnd);
    BallPartition p = BallPartition.build(rowMajor(items, 4), items.size(), 4, 25, 1);
    List<ItemFacets> ordered = new ArrayList<>();
    for (int pos = 0; pos < items.size(); pos++) {
      ordered.add(items.get(p.order(pos)).facets());
    }
    FacetColumns columns = FacetColumns.of(IndexFixtures.SCHEMA, ordered);
    NodeFacetSummary summary = new NodeFacetSummary(p, columns, 4096);
    int pruned = 0;
    for (int t = 0; t < 300; t++) {
      Condition c = IndexFixtures.condition(shape, rnd, 3);
      OrdinalSet matches = ConditionEvaluator.evaluate(c, columns);
      NodeCondition nc = NodeCondition.compile(c, columns, summary);
      for (int node = 0; node < p.nodeCount(); node++) {
        int count = matches.count(p.start(node), p.end(node));
        int size = p.end(node) - p.start(node);
        int m = nc.match(node);
        if (m == NodeCondition.NONE) {
          assertEquals(0, count, c + " NONE at node " + node);
          pruned++;
        } else if (m == NodeCondition.ALL) {
          assertEquals(size, count, c + " ALL at node " + node);
        }
      }
    }
    assertTrue(pruned > 0, "summaries do prune");
  }

  @Test
  void restoredPartitionsAreChecked() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BallPartition.fromArrays(
                1,
                new int[] {0, 0},
                new int[] {0},
                new int[] {2},
                new int[] {-1},
                new int[] {-1},
                new float[1],
                new float[1]));
  }
}
