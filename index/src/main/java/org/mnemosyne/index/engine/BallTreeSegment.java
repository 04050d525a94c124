package org.mnemosyne.index.engine;

import java.io.IOException;
import java.util.List;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.index.tree.BallPartition;
import org.mnemosyne.index.tree.NodeCondition;
import org.mnemosyne.index.tree.NodeFacetSummary;
import org.mnemosyne.index.vector.TopHits;

/**
 * The paper's conditional ball tree (ALGORITHMS.md B.4, Appendix 5), in flat arrays.
 *
 * <p>Query (k-MIPS with a condition): depth-first from the root with an explicit stack; a node is
 * skipped when its facet summary says no point below can match ({@link NodeCondition#NONE}) or when
 * its ball bound {@code q·μ + r|q|} is below the k-th best score so far; of two children the one
 * with the larger bound is visited first; at a leaf every point that satisfies the condition is
 * scored with the canonical dot product. Without a condition (and without deletions) the traversal
 * runs with no condition machinery at all, as the paper promises.
 *
 * <p>Fallback (Appendix 5, borrowed from Lucene): when at most {@code max(fallbackMinimum,
 * fallbackPerK × k)} items match, the tree is skipped and the matches are scored directly from
 * their postings (mode {@code postings-scan}); otherwise mode {@code tree}. A fallback of 0 turns
 * it off (the benchmark does, to measure the paper's structure alone).
 */
final class BallTreeSegment extends Segment {
  private final BallPartition tree;
  private final NodeFacetSummary summary;
  private final BallTreeOptions options;

  /** Tuning of the tree: leaf size, summarised facet sizes, fallback rule. */
  record BallTreeOptions(
      int leafSize, int maxSummarisedValues, int fallbackMinimum, int fallbackPerK)
      implements SegmentKind {
    /** SynapseML's leaf size 50; facets up to 4096 values summarised; fallback at 512 or 8k. */
    static final BallTreeOptions DEFAULT = new BallTreeOptions(50, 4096, 512, 8);

    @Override
    public String name() {
      return "ball-tree";
    }

    @Override
    public Segment build(List<Entry> entries, int dimension, FacetSchema schema) {
      BallPartition tree =
          BallPartition.build(
              SegmentData.rowMajor(entries, dimension), entries.size(), dimension, leafSize, 1);
      return new BallTreeSegment(
          SegmentData.of(entries, tree.order(), dimension, schema), tree, this);
    }

    @Override
    public Segment read(IndexInput in, SegmentData data) throws IOException {
      return new BallTreeSegment(data, PartitionCodec.read(in, data), this);
    }
  }

  BallTreeSegment(SegmentData data, BallPartition tree, BallTreeOptions options) {
    super(data);
    if (tree.size() != data.size()) {
      throw new IllegalArgumentException("the tree does not cover the segment");
    }
    this.tree = tree;
    this.options = options;
    this.summary = new NodeFacetSummary(tree, data.facets(), options.maxSummarisedValues());
  }

  @Override
  void search(SegmentQuery query, TopHits hits, SearchStats stats) {
    long m = query.matches().cardinality();
    if (m == 0) {
      return;
    }
    if (!query.everything()
        && m <= Math.max(options.fallbackMinimum(), (long) options.fallbackPerK() * hits.k())) {
      stats.mode("postings-scan");
      scoreAll(query, hits, stats);
      return;
    }
    stats.mode("tree");
    NodeCondition condition =
        query.everything()
            ? null
            : NodeCondition.compile(query.condition(), data.facets(), summary);
    traverse(query, condition, hits, stats);
  }

  private void traverse(
      SegmentQuery query, NodeCondition condition, TopHits hits, SearchStats stats) {
    float[] q = query.vector().padded();
    float qn = query.vector().norm();
    int[] nodes = new int[64];
    float[] bounds = new float[64];
    int[] members = new int[options.leafSize()];
    int top = 0;
    if (condition != null && condition.match(0) == NodeCondition.NONE) {
      return;
    }
    nodes[top] = 0;
    bounds[top++] = Float.POSITIVE_INFINITY;
    while (top > 0) {
      int node = nodes[--top];
      if (bounds[top] < hits.threshold()) {
        continue;
      }
      stats.nodesVisited++;
      if (tree.isLeaf(node)) {
        if (members.length < tree.end(node) - tree.start(node)) {
          members = new int[tree.end(node) - tree.start(node)];
        }
        scanLeaf(query, node, q, members, hits, stats);
        continue;
      }
      int l = tree.left(node);
      int r = tree.right(node);
      float bl = childBound(condition, l, q, qn);
      float br = childBound(condition, r, q, qn);
      float threshold = hits.threshold();
      if (top + 2 > nodes.length) {
        nodes = java.util.Arrays.copyOf(nodes, nodes.length * 2);
        bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
      }
      // Push the smaller bound first, so that the larger is visited first.
      int first = bl <= br ? l : r;
      int second = first == l ? r : l;
      float firstBound = first == l ? bl : br;
      float secondBound = first == l ? br : bl;
      if (firstBound >= threshold) {
        nodes[top] = first;
        bounds[top++] = firstBound;
      }
      if (secondBound >= threshold) {
        nodes[top] = second;
        bounds[top++] = secondBound;
      }
    }
  }

  /** The child's bound, or negative infinity when the condition rules it out. */
  private float childBound(NodeCondition condition, int node, float[] q, float qn) {
    if (condition != null && condition.match(node) == NodeCondition.NONE) {
      return Float.NEGATIVE_INFINITY;
    }
    return tree.bound(q, qn, node);
  }

  private void scanLeaf(
      SegmentQuery query, int node, float[] q, int[] members, TopHits hits, SearchStats stats) {
    int from = tree.start(node);
    int to = tree.end(node);
    if (query.everything()) {
      for (int p = from; p < to; p++) {
        hits.offer(score(q, p), ids[p]);
      }
      stats.exactScores += to - from;
      return;
    }
    int n = query.matches().fill(from, to, members);
    for (int i = 0; i < n; i++) {
      hits.offer(score(q, members[i]), ids[members[i]]);
    }
    stats.exactScores += n;
  }

  @Override
  void writeStructure(IndexOutput out) throws IOException {
    PartitionCodec.write(out, tree);
  }

  @Override
  long bytes() {
    return super.bytes() + 4L * tree.nodeCount() * (dimension + 6) + summary.bytes();
  }
}
