package org.mnemosyne.index.tree;

import java.util.Arrays;
import java.util.Random;
import org.mnemosyne.index.vector.Distance;
import org.mnemosyne.index.vector.DotProduct;

/**
 * A binary ball partition of row-major vectors in flat arrays (ALGORITHMS.md B.4.2, Appendix 5).
 *
 * <p>Construction, as in SynapseML: a node holds the points of a contiguous range; its ball is the
 * mean {@code μ} and the radius {@code r = max |x - μ|}; it becomes a leaf at {@code leafSize}
 * points or fewer or when {@code r < 1e-6}; otherwise a random point is drawn ({@code
 * java.util.Random} with a fixed seed, so builds are deterministic), {@code p1} is the point
 * farthest from it, {@code p2} the point farthest from {@code p1}, and every point goes to the
 * nearer of the two (ties to {@code p1}). When all points fall on one side (duplicates) the range
 * is halved instead. Nodes are numbered in pre-order, so a child's id is larger than its parent's.
 *
 * <p>Each node's radius is a rigorous upper bound, and {@link #bound} adds the rounding of the
 * float dot products, so {@code bound(q, node) >= DotProduct.dot(q, x)} for every point {@code x}
 * below the node. Immutable once built.
 */
public final class BallPartition {
  private final int dimension;
  private final int[] order;
  private final int[] start;
  private final int[] end;
  private final int[] left;
  private final int[] right;
  private final float[] centre;
  private final float[] slack;

  BallPartition(
      int dimension,
      int[] order,
      int[] start,
      int[] end,
      int[] left,
      int[] right,
      float[] centre,
      float[] slack) {
    this.dimension = dimension;
    this.order = order;
    this.start = start;
    this.end = end;
    this.left = left;
    this.right = right;
    this.centre = centre;
    this.slack = slack;
    int nodes = start.length;
    if (end.length != nodes
        || left.length != nodes
        || right.length != nodes
        || slack.length != nodes
        || centre.length != (long) nodes * dimension) {
      throw new IllegalArgumentException("partition arrays of different lengths");
    }
  }

  /**
   * Builds the partition.
   *
   * @param vectors {@code n * d} row-major floats in input order
   * @param n number of points
   * @param d dimension
   * @param leafSize the largest leaf, positive
   * @param seed seed of the random first points (SynapseML uses 1)
   * @return the partition; {@link #order} maps tree positions to input indexes
   */
  public static BallPartition build(float[] vectors, int n, int d, int leafSize, long seed) {
    if (leafSize <= 0) {
      throw new IllegalArgumentException("leaf size must be positive");
    }
    return new Builder(vectors, n, d, leafSize, new Random(seed)).build();
  }

  /** Vector length. */
  public int dimension() {
    return dimension;
  }

  /** Number of points. */
  public int size() {
    return order.length;
  }

  /** Number of nodes; the root is node 0. */
  public int nodeCount() {
    return start.length;
  }

  /** Input index of the point at tree position {@code position}. */
  public int order(int position) {
    return order[position];
  }

  /** The permutation from tree positions to input indexes (a copy). */
  public int[] order() {
    return order.clone();
  }

  /** First tree position of a node's points. */
  public int start(int node) {
    return start[node];
  }

  /** End (exclusive) of a node's points. */
  public int end(int node) {
    return end[node];
  }

  /** Left child, or -1 for a leaf. */
  public int left(int node) {
    return left[node];
  }

  /** Right child, or -1 for a leaf. */
  public int right(int node) {
    return right[node];
  }

  /** Whether a node is a leaf. */
  public boolean isLeaf(int node) {
    return left[node] < 0;
  }

  /**
   * An upper bound on the canonical score of the query with any point below the node: {@code q·μ +
   * |q| r}, plus rounding.
   *
   * @param query the query values (the first {@code dimension} are read)
   * @param queryNorm an upper bound on the query's norm
   */
  public float bound(float[] query, float queryNorm, int node) {
    return DotProduct.dot(query, 0, centre, node * dimension, dimension)
        + queryNorm * slack[node] * 1.000001f;
  }

  /**
   * The part of {@link #bound} that does not depend on the query direction, per unit of query norm:
   * the radius plus rounding allowances.
   */
  public float slack(int node) {
    return slack[node];
  }

  /** Arrays for persistence, in the order of {@link #fromArrays}. */
  public Object[] toArrays() {
    return new Object[] {order, start, end, left, right, centre, slack};
  }

  /**
   * Restores a partition from {@link #toArrays}.
   *
   * @throws IllegalArgumentException if the arrays are inconsistent
   */
  public static BallPartition fromArrays(
      int dimension,
      int[] order,
      int[] start,
      int[] end,
      int[] left,
      int[] right,
      float[] centre,
      float[] slack) {
    BallPartition p = new BallPartition(dimension, order, start, end, left, right, centre, slack);
    p.check();
    return p;
  }

  private void check() {
    int n = order.length;
    boolean[] seen = new boolean[n];
    for (int position = 0; position < n; position++) {
      int i = order[position];
      if (i < 0 || i >= n || seen[i]) {
        throw new IllegalArgumentException("the tree order is not a permutation");
      }
      seen[i] = true;
    }
    for (int node = 0; node < nodeCount(); node++) {
      boolean ok = 0 <= start[node] && start[node] <= end[node] && end[node] <= n;
      if (left[node] >= 0) {
        ok &=
            left[node] > node
                && right[node] > node
                && left[node] < nodeCount()
                && right[node] < nodeCount()
                && start[left[node]] == start[node]
                && end[left[node]] == start[right[node]]
                && end[right[node]] == end[node];
      } else {
        ok &= right[node] < 0;
      }
      if (!ok) {
        throw new IllegalArgumentException("inconsistent tree node " + node);
      }
    }
    if (nodeCount() == 0 || start[0] != 0 || end[0] != n) {
      throw new IllegalArgumentException("the root does not cover every point");
    }
  }

  private static final class Builder {
    private final float[] vectors;
    private final int n;
    private final int d;
    private final int leafSize;
    private final Random random;
    private final int[] positions;
    private final double[] norms;
    private final double gamma;
    private int nodes;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int[] left = new int[16];
    private int[] right = new int[16];
    private float[] centre;
    private float[] slack = new float[16];
    private double[] radius = new double[16];

    Builder(float[] vectors, int n, int d, int leafSize, Random random) {
      this.vectors = vectors;
      this.n = n;
      this.d = d;
      this.leafSize = leafSize;
      this.random = random;
      this.positions = new int[n];
      this.norms = new double[n];
      this.centre = new float[16 * d];
      this.gamma = DotProduct.gamma(d);
      for (int i = 0; i < n; i++) {
        positions[i] = i;
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += (double) vectors[i * d + j] * vectors[i * d + j];
        }
        norms[i] = Math.sqrt(s);
      }
    }

    BallPartition build() {
      int[] stack = new int[64];
      int top = 0;
      stack[top++] = newNode(0, n);
      while (top > 0) {
        int node = stack[--top];
        int mid = split(node);
        if (mid < 0) {
          continue;
        }
        int l = newNode(start[node], mid);
        int r = newNode(mid, end[node]);
        left[node] = l;
        right[node] = r;
        if (top + 2 > stack.length) {
          stack = Arrays.copyOf(stack, stack.length * 2);
        }
        stack[top++] = r;
        stack[top++] = l;
      }
      return new BallPartition(
          d,
          positions,
          Arrays.copyOf(start, nodes),
          Arrays.copyOf(end, nodes),
          Arrays.copyOf(left, nodes),
          Arrays.copyOf(right, nodes),
          Arrays.copyOf(centre, nodes * d),
          Arrays.copyOf(slack, nodes));
    }

    private int newNode(int from, int to) {
      if (nodes == start.length) {
        int cap = nodes * 2;
        start = Arrays.copyOf(start, cap);
        end = Arrays.copyOf(end, cap);
        left = Arrays.copyOf(left, cap);
        right = Arrays.copyOf(right, cap);
        slack = Arrays.copyOf(slack, cap);
        radius = Arrays.copyOf(radius, cap);
        centre = Arrays.copyOf(centre, cap * d);
      }
      int node = nodes++;
      start[node] = from;
      end[node] = to;
      left[node] = -1;
      right[node] = -1;
      ball(node);
      return node;
    }

    /** Computes the node's centre, radius and bound slack. */
    private void ball(int node) {
      int from = start[node];
      int to = end[node];
      double[] sum = new double[d];
      double maxNorm = 0;
      for (int p = from; p < to; p++) {
        int base = positions[p] * d;
        for (int j = 0; j < d; j++) {
          sum[j] += vectors[base + j];
        }
        maxNorm = Math.max(maxNorm, norms[positions[p]]);
      }
      int count = Math.max(1, to - from);
      double centreNorm2 = 0;
      for (int j = 0; j < d; j++) {
        float c = (float) (sum[j] / count);
        centre[node * d + j] = c;
        centreNorm2 += (double) c * c;
      }
      double r = 0;
      for (int p = from; p < to; p++) {
        float sq = Distance.squared(vectors, positions[p] * d, centre, node * d, d);
        r = Math.max(r, Distance.upperBound(sq, d));
      }
      radius[node] = r;
      double s = r + gamma * (Math.sqrt(centreNorm2) + maxNorm) + Double.MIN_NORMAL;
      slack[node] = Math.nextUp((float) (s * (1 + 1e-7)));
    }

    /** Splits a node's range in place; returns the split position, or -1 for a leaf. */
    private int split(int node) {
      int from = start[node];
      int to = end[node];
      int size = to - from;
      if (size <= leafSize || radius[node] < 1e-6) {
        return -1;
      }
      int first = positions[from + random.nextInt(size)];
      int p1 = farthest(from, to, first);
      int p2 = farthest(from, to, p1);
      int i = from;
      int j = to - 1;
      while (i <= j) {
        int x = positions[i];
        float d1 = Distance.squared(vectors, x * d, vectors, p1 * d, d);
        float d2 = Distance.squared(vectors, x * d, vectors, p2 * d, d);
        if (d1 <= d2) {
          i++;
        } else {
          positions[i] = positions[j];
          positions[j--] = x;
        }
      }
      if (i == from || i == to) {
        return from + size / 2;
      }
      return i;
    }

    private int farthest(int from, int to, int pivot) {
      int best = positions[from];
      float bestDistance = -1;
      for (int p = from; p < to; p++) {
        float dist = Distance.squared(vectors, positions[p] * d, vectors, pivot * d, d);
        if (dist > bestDistance) {
          bestDistance = dist;
          best = positions[p];
        }
      }
      return best;
    }
  }
}
