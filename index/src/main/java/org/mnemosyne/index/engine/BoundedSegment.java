package org.mnemosyne.index.engine;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.index.facet.FacetOrder;
import org.mnemosyne.index.tree.BallPartition;
import org.mnemosyne.index.vector.BlockCodes;
import org.mnemosyne.index.vector.PrefixBounds;
import org.mnemosyne.index.vector.PrincipalDirections;
import org.mnemosyne.index.vector.QuantizedVectors;
import org.mnemosyne.index.vector.TopHits;

/**
 * The bounded scan: exact conditional search that reads 8-bit codes instead of floats for almost
 * every candidate, and skips whole subtrees of a ball partition by their bounds.
 *
 * <p><b>Layout.</b> Items are ordered by a ball partition (the paper's tree) with small leaves:
 * similar items are contiguous, and so are the ordinals of the postings, so the number of matches
 * below any node is a count over a range of the condition's bitmap. Beside the floats, every item
 * has an 8-bit copy ({@link QuantizedVectors}) whose approximate score plus a per-item slack is a
 * rigorous upper bound on the canonical score.
 *
 * <p><b>Prefix bounds.</b> When the segment is large enough and its leading {@value #HEADS}
 * principal directions capture at least {@code prefixEnergy} of the energy (real embeddings with
 * power-law spectra; not isotropic data), every item also stores its 8-bit head in those
 * directions, and candidates are first tested against bounds after 64 and 128 components ({@link
 * PrefixBounds}), a group of consecutive items per kernel call: most are rejected after 64 bytes.
 * Groups holding fewer than 4 candidates (a sparse condition) skip the prefixes, since for a
 * scattered item the full codes cost hardly more; and because rejection is so cheap, nodes are
 * scanned up to {@code 8 × scanBelow} matches instead of being descended into.
 *
 * <p><b>Planner</b>, per segment and query, from the number {@code m} of live items that match (the
 * cardinality of the condition's postings, known before any vector is read) and their spread over
 * the partition (see {@link #plan}):
 *
 * <ul>
 *   <li>{@code m <= 4k}: <b>postings-scan</b> — every match is scored exactly (four rows per kernel
 *       call); most of them would be anyway.
 *   <li>{@code m <= postingsMaximum}, or matches scattered over the partition's leaves: <b>
 *       postings-code-scan</b> — every match's 8-bit bound, then exact scores for the k best bounds
 *       and for every other match whose bound reaches the k-th best score. No node bound is paid
 *       where it could not skip more than a row or two of codes.
 *   <li>otherwise <b>bounded-tree</b>: a best-first search over the partition. The frontier is a
 *       max-heap of nodes keyed by their ball bound {@code q·μ + r|q|}; the search stops when the
 *       best bound left is below the k-th best score. A popped node with no match is dropped; a
 *       leaf, or a node with at most {@code scanBelow} matches, is <em>scanned</em>: each match's
 *       quantised upper bound is compared with the k-th best score and only those that reach it are
 *       scored exactly. Larger nodes push their children with their bounds. Descending only while
 *       enough matches lie below keeps the cost of bounds (one float dot product per node) small
 *       next to the scan when the data do not let bounds prune (high dimension, weak clusters),
 *       while tight clusters prune whole subtrees; below {@code scanBelow} matches a node is
 *       descended into only when its children look prunable (see {@code worthDescending}). If the
 *       root itself is scanned the mode is reported as <b>quantized-scan</b>.
 * </ul>
 *
 * <p><b>Block codes</b> (sparse data only). When at least {@value #BLOCK_ZERO_FRACTION} of the
 * 8-bit codes are zero (ReLU features), the segment also keeps them transposed in blocks of {@value
 * BlockCodes#ROWS} items ({@link BlockCodes}), in the segment's <em>input</em> order stably sorted
 * by facet values ({@link FacetOrder}): items that share a value are contiguous, so a condition's
 * matches fill few blocks (the local vectors of one image stay together, as in the input order).
 * One kernel call bounds {@value BlockCodes#ROWS} items from the query's non-zero dimensions only.
 * Before the modes above, with more than {@code postingsMaximum} matches (below, the fixed cost of
 * mapping the matches to blocks, O(n / 64), does not pay: measured at 147 matches), the planner
 * counts the blocks the matches occupy; if they fill them densely enough for the sparse block
 * kernel to beat the row kernel ({@link #blockWorthIt}), <b>postings-block-scan</b> runs: the 8-bit
 * bound of every match (block kernel for dense blocks, row kernel for the rest), then exact scores
 * for the k highest bounds and every other bound that reaches the k-th best score, as in
 * postings-code-scan.
 *
 * <p>Every mode is exact: an item or node is skipped only when an upper bound on its canonical
 * score is strictly below the k-th best canonical score already found, and every reported score is
 * the canonical dot product. Without a condition and without deletions no condition machinery runs
 * (counts are node sizes, no membership tests).
 */
final class BoundedSegment extends Segment {
  /** Candidates in a group from which the group kernel beats bounding items one by one. */
  private static final int DENSE_GROUP = 4;

  /** With prefix bounds, nodes are scanned up to this multiple of {@code scanBelow} matches. */
  private static final int PREFIX_SCAN_FACTOR = 8;

  /**
   * Matches per occupied block of {@code leafSize} ordinals below which the planner scans the codes
   * of the postings instead of searching the tree.
   */
  static final int DENSE_LEAF = 2;

  /** Nodes with this many matches or fewer are always scanned. */
  private static final int MIN_DESCEND = 8;

  /** The fraction of zero codes from which a segment keeps {@link BlockCodes}. */
  static final double BLOCK_ZERO_FRACTION = 0.5;

  /**
   * Cost of the sparse block kernel per non-zero query dimension, in units of the row kernel's cost
   * per dimension: a block call with {@code q} non-zero dimensions is taken to cost as much as
   * {@code 80 q / d} row bounds. On the realistic local features (d = 1280, q ~ 230) that is ~15
   * matches per block of 64; in the benchmark a block call took 4–7.5 µs and a row bound in a scan
   * 250–300 ns (a similar break-even). Not tuned further.
   */
  static final int BLOCK_COST = 80;

  /** Principal directions kept for prefix bounds: two checkpoints of 64. */
  static final int HEADS = 128;

  /** Segments smaller than this never get prefix bounds (cheap incremental segments). */
  static final int PREFIX_MINIMUM_SIZE = 4096;

  private final BallPartition partition;
  private final QuantizedVectors codes;
  private final BoundedOptions options;
  private final PrefixBounds prefix;
  private final BlockCodes blocks;

  /**
   * Tuning: leaf size, the planner's two thresholds, and the energy the leading {@value #HEADS}
   * principal directions must capture for prefix bounds to be built (above 1: never).
   */
  record BoundedOptions(int leafSize, int postingsMaximum, int scanBelow, double prefixEnergy)
      implements SegmentKind {
    /**
     * Leaves of 32; postings-scan up to 256 matches (or 4k); scan nodes with 64 matches or fewer;
     * prefix bounds when 128 directions capture 60 % of the energy.
     */
    static final BoundedOptions DEFAULT = new BoundedOptions(32, 256, 64, 0.6);

    @Override
    public String name() {
      return "bounded";
    }

    @Override
    public Segment build(List<Entry> entries, int dimension, FacetSchema schema) {
      BallPartition partition =
          BallPartition.build(
              SegmentData.rowMajor(entries, dimension), entries.size(), dimension, leafSize, 1);
      SegmentData data = SegmentData.of(entries, partition.order(), dimension, schema);
      return new BoundedSegment(data, partition, this, principal(data));
    }

    /** The leading directions, when they capture enough energy to be worth bounds. */
    private PrincipalDirections principal(SegmentData data) {
      if (data.size() < PREFIX_MINIMUM_SIZE || data.dimension() < 2 * HEADS || prefixEnergy > 1) {
        return null;
      }
      PrincipalDirections p =
          PrincipalDirections.compute(data.vectors(), data.size(), data.dimension(), HEADS, 1);
      return p.energy() >= prefixEnergy ? p : null;
    }

    @Override
    public Segment read(IndexInput in, SegmentData data) throws IOException {
      BallPartition partition = PartitionCodec.read(in, data);
      float[] directions = in.readFloats();
      long energyBits = in.readLong();
      PrincipalDirections principal = null;
      if (directions.length > 0) {
        if (directions.length != HEADS * data.dimension()) {
          throw new IllegalArgumentException("principal directions of the wrong size");
        }
        principal =
            new PrincipalDirections(
                directions, HEADS, data.dimension(), Double.longBitsToDouble(energyBits));
      }
      return new BoundedSegment(data, partition, this, principal);
    }
  }

  BoundedSegment(
      SegmentData data,
      BallPartition partition,
      BoundedOptions options,
      PrincipalDirections principal) {
    super(data);
    if (partition.size() != data.size()) {
      throw new IllegalArgumentException("the partition does not cover the segment");
    }
    this.partition = partition;
    this.options = options;
    this.codes = QuantizedVectors.quantize(vectors, size(), dimension);
    this.prefix = principal == null ? null : PrefixBounds.build(vectors, size(), principal);
    this.blocks =
        codes.zeroFraction() >= BLOCK_ZERO_FRACTION && size() >= BlockCodes.ROWS
            ? BlockCodes.build(codes, FacetOrder.sort(data.facets(), inputOrder(partition)))
            : null;
  }

  /** The ordinals in input order: {@code rows[partition.order(o)] = o}. */
  private static int[] inputOrder(BallPartition partition) {
    int[] rows = new int[partition.size()];
    for (int o = 0; o < rows.length; o++) {
      rows[partition.order(o)] = o;
    }
    return rows;
  }

  /** Whether this segment keeps transposed block codes (sparse data). */
  boolean hasBlockCodes() {
    return blocks != null;
  }

  /** Whether this segment rejects candidates from principal-component prefixes. */
  boolean hasPrefixBounds() {
    return prefix != null;
  }

  @Override
  void search(SegmentQuery query, TopHits hits, SearchStats stats) {
    long m = query.matches().cardinality();
    if (m == 0) {
      return;
    }
    if (m > 4L * hits.k() // otherwise plan() chooses EXACT
        && blocks != null
        && m > options.postingsMaximum()
        && blockScan(query, m, hits, stats)) {
      return;
    }
    switch (plan(query, m, hits.k())) {
      case EXACT -> {
        stats.mode("postings-scan");
        scoreAll(query, hits, stats);
      }
      case CODES -> {
        stats.mode("postings-code-scan");
        codeScan(query, hits, stats);
      }
      default -> {
        stats.mode(m <= scanBelow() ? "quantized-scan" : "bounded-tree");
        boundedTree(query, hits, stats);
      }
    }
  }

  /** What {@link #plan} can choose. */
  enum Plan {
    /** Score every match exactly. */
    EXACT,
    /** Bound every match from its 8-bit codes in ordinal order, score those that reach. */
    CODES,
    /** Best-first search of the partition. */
    TREE
  }

  /**
   * The planner. With at most {@code 4k} matches every match is scored exactly (most of them enter
   * the top k anyway). Otherwise the choice is between the codes of the matches in ordinal order
   * and the tree, whose only advantage is skipping whole nodes by their ball bounds, at the price
   * of one float dot product per child bounded (the bytes of four 8-bit code rows). That can only
   * pay where the matches are dense in the partition's leaves: if they average fewer than {@value
   * #DENSE_LEAF} per occupied block of {@code leafSize} consecutive ordinals (measured on the
   * postings, before any vector is read), a node bound could save at most a row or two of codes and
   * the codes are scanned directly; also when {@code m <= postingsMaximum}.
   */
  Plan plan(SegmentQuery query, long m, int k) {
    if (m <= 4L * k) {
      return Plan.EXACT;
    }
    if (m <= options.postingsMaximum()) {
      return Plan.CODES;
    }
    if (query.everything()) {
      return Plan.TREE;
    }
    int shift = 31 - Integer.numberOfLeadingZeros(Math.max(1, options.leafSize()));
    long occupied = query.matches().occupiedBlocks(shift);
    return m < DENSE_LEAF * occupied ? Plan.CODES : Plan.TREE;
  }

  /**
   * The {@code postings-code-scan} mode, in two passes over the matches. First the 8-bit upper
   * bound of every match (four rows per kernel call); then the {@code k} matches with the highest
   * bounds are scored exactly, which sets a threshold close to the final one, and every other match
   * whose bound reaches the threshold of that moment is scored exactly too. Exact: a match is
   * skipped only when its upper bound is below a k-th best canonical score already found.
   */
  private void codeScan(SegmentQuery query, TopHits hits, SearchStats stats) {
    float[] q = query.vector().padded();
    float qn = query.vector().norm();
    int[] ordinals = query.matches().toArray();
    int m = ordinals.length;
    float[] bounds = new float[m];
    float[] four = new float[4];
    int i = 0;
    for (; i + 4 <= m; i += 4) {
      codes.upperBounds4(
          q, qn, ordinals[i], ordinals[i + 1], ordinals[i + 2], ordinals[i + 3], four);
      System.arraycopy(four, 0, bounds, i, 4);
    }
    for (; i < m; i++) {
      bounds[i] = codes.upperBound(q, qn, ordinals[i]);
    }
    stats.approximateScores += m;
    rescore(q, ordinals, bounds, m, hits, stats);
  }

  /**
   * The second pass of the code scans: the matches whose bounds are among the {@code k} highest are
   * scored exactly first, which sets a threshold close to the final one, then every other match
   * whose bound reaches the threshold of that moment.
   */
  private void rescore(
      float[] q, int[] ordinals, float[] bounds, int m, TopHits hits, SearchStats stats) {
    float top = TopHits.kthLargest(bounds, m, hits.k());
    long exact = 0;
    float threshold = hits.threshold();
    for (int i = 0; i < m; i++) {
      if (bounds[i] >= top && bounds[i] >= threshold) {
        exact++;
        hits.offer(score(q, ordinals[i]), ids[ordinals[i]]);
        threshold = hits.threshold();
        bounds[i] = Float.NEGATIVE_INFINITY; // done
      }
    }
    for (int i = 0; i < m; i++) {
      if (bounds[i] >= threshold && bounds[i] > Float.NEGATIVE_INFINITY) {
        exact++;
        hits.offer(score(q, ordinals[i]), ids[ordinals[i]]);
        threshold = hits.threshold();
      }
    }
    stats.exactScores += exact;
  }

  /**
   * Whether the block kernel, for a query with {@code count} non-zero dimensions (padded), beats
   * the row kernel on a block holding {@code rows} candidates.
   */
  private boolean blockWorthIt(long rows, int count) {
    return rows * dimension >= (long) BLOCK_COST * count;
  }

  /**
   * The {@code postings-block-scan} mode (see the class comment), when the matches fill their
   * blocks densely enough; returns false, having read no vector, when they do not.
   */
  private boolean blockScan(SegmentQuery query, long m, TopHits hits, SearchStats stats) {
    float[] q = query.vector().padded();
    float qn = query.vector().norm();
    int[] dims = new int[dimension + 8];
    float[] values = new float[dimension + 8];
    int count = BlockCodes.sparseQuery(q, dimension, dims, values);
    if (!blockWorthIt(BlockCodes.ROWS, count)) {
      return false; // a dense query: rows are cheaper even in full blocks
    }
    long[] bits = new long[(size() + 63) >>> 6];
    long occupied = blockPositions(query, bits);
    if (!blockWorthIt(m, (int) Math.min(Integer.MAX_VALUE, occupied * count))) {
      return false;
    }
    stats.mode("postings-block-scan");
    int[] ordinals = new int[(int) m];
    float[] bounds = new float[(int) m];
    float[] blockBounds = new float[BlockCodes.ROWS];
    int[] rest = new int[(int) m]; // matches in sparse blocks: bounded by rows, four at a time
    int restCount = 0;
    int n = 0;
    for (int w = 0; w < bits.length; w++) {
      long group = bits[w]; // one block of 64 positions
      if (group == 0) {
        continue;
      }
      int first = w * 64;
      boolean block = blockWorthIt(Long.bitCount(group), count);
      if (block) {
        blocks.upperBounds(values, dims, count, w, qn, blockBounds);
        stats.nodesVisited++;
        while (group != 0) {
          int r = Long.numberOfTrailingZeros(group);
          group &= group - 1;
          ordinals[n] = blocks.row(first + r);
          bounds[n++] = blockBounds[r];
        }
      } else {
        while (group != 0) {
          int r = Long.numberOfTrailingZeros(group);
          group &= group - 1;
          ordinals[n] = blocks.row(first + r);
          rest[restCount++] = n++;
        }
      }
    }
    float[] four = new float[4];
    for (int i = 0; i < restCount; i += 4) {
      // Past the end, repeat the last match (the kernel allows equal items).
      int i0 = rest[i];
      int i1 = rest[Math.min(i + 1, restCount - 1)];
      int i2 = rest[Math.min(i + 2, restCount - 1)];
      int i3 = rest[Math.min(i + 3, restCount - 1)];
      codes.upperBounds4(q, qn, ordinals[i0], ordinals[i1], ordinals[i2], ordinals[i3], four);
      bounds[i0] = four[0];
      bounds[i1] = four[1];
      bounds[i2] = four[2];
      bounds[i3] = four[3];
    }
    stats.approximateScores += n;
    rescore(q, ordinals, bounds, n, hits, stats);
    return true;
  }

  /**
   * Sets the matches' bits in {@code bits}, a bitmap over {@link BlockCodes} positions, and returns
   * the number of non-zero words (occupied blocks).
   */
  private long blockPositions(SegmentQuery query, long[] bits) {
    int n = size();
    if (query.everything()) {
      Arrays.fill(bits, -1L);
      if ((n & 63) != 0) {
        bits[bits.length - 1] = (1L << (n & 63)) - 1;
      }
      return bits.length;
    }
    long occupied = 0;
    for (int o : query.matches().toArray()) {
      int p = blocks.position(o);
      long w = bits[p >>> 6];
      occupied += w == 0 ? 1 : 0;
      bits[p >>> 6] = w | 1L << p;
    }
    return occupied;
  }

  private int count(SegmentQuery query, int node) {
    return query.everything()
        ? partition.end(node) - partition.start(node)
        : query.matches().count(partition.start(node), partition.end(node));
  }

  private void boundedTree(SegmentQuery query, TopHits hits, SearchStats stats) {
    float[] q = query.vector().padded();
    float qn = query.vector().norm();
    PrefixBounds.Query heads = prefix == null ? null : prefix.prepare(query.vector());
    CodeBatch batch = new CodeBatch(q, qn, hits, stats);
    NodeHeap frontier = new NodeHeap();
    frontier.push(0, Float.POSITIVE_INFINITY, count(query, 0));
    int[] members = new int[CHUNK];
    while (!frontier.isEmpty() && frontier.topBound() >= hits.threshold()) {
      int matches = frontier.topCount();
      float bound = frontier.topBound();
      int node = frontier.pop();
      stats.nodesVisited++;
      if (partition.isLeaf(node) || !worthDescending(node, matches, bound, qn, hits)) {
        for (int from = partition.start(node); from < partition.end(node); from += CHUNK) {
          int to = Math.min(partition.end(node), from + CHUNK);
          int n;
          if (query.everything()) {
            n = to - from;
            for (int i = 0; i < n; i++) {
              members[i] = from + i;
            }
          } else {
            n = query.matches().fill(from, to, members);
          }
          scan(heads, members, n, hits, stats, batch);
        }
        continue;
      }
      for (int child : new int[] {partition.left(node), partition.right(node)}) {
        int c = count(query, child);
        if (c > 0) {
          float childBound = partition.bound(q, qn, child);
          if (childBound >= hits.threshold()) {
            frontier.push(child, childBound, c);
          }
        }
      }
    }
    batch.finish();
  }

  /** Nodes with at most this many matches are never descended into without a reason. */
  private int scanBelow() {
    return prefix == null ? options.scanBelow() : options.scanBelow() * PREFIX_SCAN_FACTOR;
  }

  /**
   * Whether to compute the children's bounds rather than scan the node. With prefix bounds: only
   * above {@code 8 × scanBelow} matches. Without: always above {@code scanBelow} matches (so that
   * the search stays best-first while the threshold is low); below, only when the children could be
   * pruned — when the node's centre score plus its children's mean radius term falls short of the
   * threshold. On data where bounds cannot prune (weak clusters in high dimension) this stops
   * descending early and no bound is computed in vain.
   */
  private boolean worthDescending(int node, int matches, float bound, float qn, TopHits hits) {
    if (prefix != null) {
      // Candidates rejected from their prefixes cost a few nanoseconds: a bound (a float dot
      // product) only pays for itself above many more matches.
      return matches > scanBelow();
    }
    if (matches > options.scanBelow()) {
      return true;
    }
    if (matches <= MIN_DESCEND || node == 0) {
      return false;
    }
    float centreScore = bound - qn * partition.slack(node);
    float childSlack =
        0.5f * (partition.slack(partition.left(node)) + partition.slack(partition.right(node)));
    return centreScore + qn * childSlack < hits.threshold();
  }

  /**
   * Scores exactly the ordinals whose bounds reach the threshold: first the principal-component
   * prefixes of their group (when built), then their full 8-bit codes (through {@code batch}, four
   * at a time). A group's prefix bounds are computed once, against the threshold of that moment;
   * the threshold only rises, so a bound below it stays below.
   */
  private void scan(
      PrefixBounds.Query heads,
      int[] ordinals,
      int n,
      TopHits hits,
      SearchStats stats,
      CodeBatch batch) {
    int group = heads == null ? 1 : prefix.group();
    float[] groupBounds = heads == null ? null : batch.groupBounds(group);
    int currentGroup = -1;
    for (int i = 0; i < n; i++) {
      int p = ordinals[i];
      if (heads != null) {
        float threshold = hits.threshold();
        if (threshold > Float.NEGATIVE_INFINITY) {
          int g = p / group;
          if (g != currentGroup
              && i + DENSE_GROUP <= n
              && ordinals[i + DENSE_GROUP - 1] / group == g) {
            // At least DENSE_GROUP candidates in this group: bound all its lanes at once.
            // Scattered candidates skip the prefixes: for them the full codes cost hardly more.
            prefix.bound(heads, g, threshold, groupBounds);
            currentGroup = g;
          }
          if (g == currentGroup && groupBounds[p - g * group] < threshold) {
            stats.prefixRejections++;
            continue;
          }
        }
      }
      batch.add(p);
    }
    stats.approximateScores += n;
  }

  /**
   * Candidates waiting for their 8-bit bound: four are bounded by one kernel call ({@link
   * QuantizedVectors#upperBounds4}), then each whose bound reaches the threshold of that moment is
   * scored exactly. Deferring up to three candidates changes no answer: every candidate added is
   * bounded and, if needed, scored before the search returns ({@link #finish}), and thresholds only
   * ever come from exact scores.
   */
  private final class CodeBatch {
    private final float[] q;
    private final float qn;
    private final TopHits hits;
    private final SearchStats stats;
    private final int[] pending = new int[4];
    private final float[] bounds = new float[4];
    private float[] groupBounds;
    private int size;

    CodeBatch(float[] q, float qn, TopHits hits, SearchStats stats) {
      this.q = q;
      this.qn = qn;
      this.hits = hits;
      this.stats = stats;
    }

    float[] groupBounds(int group) {
      if (groupBounds == null) {
        groupBounds = new float[group];
      }
      return groupBounds;
    }

    void add(int p) {
      pending[size++] = p;
      if (size == 4) {
        codes.upperBounds4(q, qn, pending[0], pending[1], pending[2], pending[3], bounds);
        size = 0;
        for (int i = 0; i < 4; i++) {
          rescore(pending[i], bounds[i]);
        }
      }
    }

    void finish() {
      for (int i = 0; i < size; i++) {
        rescore(pending[i], codes.upperBound(q, qn, pending[i]));
      }
      size = 0;
    }

    private void rescore(int p, float bound) {
      if (bound >= hits.threshold()) {
        stats.exactScores++;
        hits.offer(score(q, p), ids[p]);
      }
    }
  }

  @Override
  void writeStructure(IndexOutput out) throws IOException {
    PartitionCodec.write(out, partition);
    out.writeFloats(prefix == null ? new float[0] : prefix.principal().directions());
    out.writeLong(Double.doubleToLongBits(prefix == null ? 0 : prefix.energy()));
  }

  @Override
  long bytes() {
    return super.bytes()
        + codes.bytes()
        + 4L * partition.nodeCount() * (dimension + 6)
        + (prefix == null ? 0 : prefix.bytes())
        + (blocks == null ? 0 : blocks.bytes());
  }
}
