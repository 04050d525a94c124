package org.mnemosyne.index.tree;

import java.util.HashMap;
import java.util.Map;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetType;
import org.mnemosyne.index.facet.CategoricalColumn;
import org.mnemosyne.index.facet.FacetColumns;
import org.mnemosyne.index.facet.NumericColumn;

/**
 * What each node of a {@link BallPartition} knows about the facets of the points below it, so that
 * a condition can be decided per node (ALGORITHMS.md Appendix 5, per-node label bitsets):
 *
 * <ul>
 *   <li>per categorical field with at most {@code maxValues} distinct values, two bitsets over the
 *       value ids: {@code some} (a point below has the value: the paper's inverted index,
 *       transposed) and {@code all} (every point below has it, which lets {@code NOT} prune);
 *   <li>per numeric field, the minimum and maximum number below and whether every point has one.
 * </ul>
 *
 * Fields with more values than {@code maxValues} are not summarised (every node answers "maybe" for
 * them; leaves still check exactly). Memory: {@code 2 × nodes × ceil(values / 64)} longs per
 * categorical field. Immutable.
 */
public final class NodeFacetSummary {
  private final int nodes;
  private final Map<String, long[]> some = new HashMap<>();
  private final Map<String, long[]> all = new HashMap<>();
  private final Map<String, Integer> words = new HashMap<>();
  private final Map<String, double[]> min = new HashMap<>();
  private final Map<String, double[]> max = new HashMap<>();
  private final Map<String, boolean[]> complete = new HashMap<>();

  /**
   * Summarises the facets.
   *
   * @param partition the tree
   * @param columns the facets of the points in tree order
   * @param maxValues the most distinct values a categorical field may have to be summarised
   */
  public NodeFacetSummary(BallPartition partition, FacetColumns columns, int maxValues) {
    this.nodes = partition.nodeCount();
    for (FacetField f : columns.schema().fields()) {
      if (f.type() == FacetType.CATEGORICAL) {
        CategoricalColumn c = columns.categorical(f.name());
        if (c.valueCount() <= maxValues) {
          summariseCategorical(f.name(), c, partition);
        }
      } else {
        summariseNumeric(f.name(), columns.numeric(f.name()), partition);
      }
    }
  }

  private void summariseCategorical(String field, CategoricalColumn c, BallPartition p) {
    int w = Math.max(1, (c.valueCount() + 63) >>> 6);
    long[] s = new long[nodes * w];
    long[] a = new long[nodes * w];
    long[] point = new long[w];
    for (int node = nodes - 1; node >= 0; node--) {
      int base = node * w;
      if (p.isLeaf(node)) {
        java.util.Arrays.fill(a, base, base + w, -1L);
        for (int pos = p.start(node); pos < p.end(node); pos++) {
          java.util.Arrays.fill(point, 0L);
          for (int r = c.rowStart(pos); r < c.rowEnd(pos); r++) {
            int v = c.valueIdAt(r);
            point[v >>> 6] |= 1L << v;
          }
          for (int i = 0; i < w; i++) {
            s[base + i] |= point[i];
            a[base + i] &= point[i];
          }
        }
      } else {
        int l = p.left(node) * w;
        int r = p.right(node) * w;
        for (int i = 0; i < w; i++) {
          s[base + i] = s[l + i] | s[r + i];
          a[base + i] = a[l + i] & a[r + i];
        }
      }
    }
    some.put(field, s);
    all.put(field, a);
    words.put(field, w);
  }

  private void summariseNumeric(String field, NumericColumn c, BallPartition p) {
    double[] lo = new double[nodes];
    double[] hi = new double[nodes];
    boolean[] full = new boolean[nodes];
    for (int node = nodes - 1; node >= 0; node--) {
      if (p.isLeaf(node)) {
        double mn = Double.POSITIVE_INFINITY;
        double mx = Double.NEGATIVE_INFINITY;
        boolean every = true;
        for (int pos = p.start(node); pos < p.end(node); pos++) {
          every &= c.rowEnd(pos) > c.rowStart(pos);
          for (int r = c.rowStart(pos); r < c.rowEnd(pos); r++) {
            mn = Math.min(mn, c.valueAt(r));
            mx = Math.max(mx, c.valueAt(r));
          }
        }
        lo[node] = mn;
        hi[node] = mx;
        full[node] = every;
      } else {
        int l = p.left(node);
        int r = p.right(node);
        lo[node] = Math.min(lo[l], lo[r]);
        hi[node] = Math.max(hi[l], hi[r]);
        full[node] = full[l] && full[r];
      }
    }
    min.put(field, lo);
    max.put(field, hi);
    complete.put(field, full);
  }

  /** Whether a categorical field is summarised. */
  boolean summarises(String field) {
    return words.containsKey(field);
  }

  /** Whether some point below {@code node} has value id {@code value} of {@code field}. */
  boolean some(String field, int node, int value) {
    return bit(some.get(field), field, node, value);
  }

  /** Whether every point below {@code node} has value id {@code value} of {@code field}. */
  boolean all(String field, int node, int value) {
    return bit(all.get(field), field, node, value);
  }

  private boolean bit(long[] bits, String field, int node, int value) {
    return (bits[node * words.get(field) + (value >>> 6)] & (1L << value)) != 0;
  }

  double[] min(String field) {
    return min.get(field);
  }

  double[] max(String field) {
    return max.get(field);
  }

  boolean[] complete(String field) {
    return complete.get(field);
  }

  /** Bytes held, for memory reports. */
  public long bytes() {
    long b = 0;
    for (long[] x : some.values()) {
      b += 16L * x.length;
    }
    return b + 17L * nodes * min.size();
  }
}
