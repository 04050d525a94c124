package org.mnemosyne.index.engine;

import java.util.Arrays;

/**
 * The frontier of a best-first tree search: a binary max-heap of nodes keyed by their bound, each
 * carrying its number of matches. Primitive arrays; one per search.
 */
final class NodeHeap {
  private int[] nodes = new int[64];
  private float[] bounds = new float[64];
  private int[] counts = new int[64];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  /** The largest bound. */
  float topBound() {
    return bounds[0];
  }

  /** The match count of the node with the largest bound. */
  int topCount() {
    return counts[0];
  }

  void push(int node, float bound, int count) {
    if (size == nodes.length) {
      nodes = Arrays.copyOf(nodes, size * 2);
      bounds = Arrays.copyOf(bounds, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (bounds[parent] >= bound) {
        break;
      }
      set(i, nodes[parent], bounds[parent], counts[parent]);
      i = parent;
    }
    set(i, node, bound, count);
  }

  /** Removes and returns the node with the largest bound. */
  int pop() {
    int top = nodes[0];
    size--;
    if (size > 0) {
      int node = nodes[size];
      float bound = bounds[size];
      int count = counts[size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && bounds[child + 1] > bounds[child]) {
          child++;
        }
        if (bounds[child] <= bound) {
          break;
        }
        set(i, nodes[child], bounds[child], counts[child]);
        i = child;
      }
      set(i, node, bound, count);
    }
    return top;
  }

  private void set(int i, int node, float bound, int count) {
    nodes[i] = node;
    bounds[i] = bound;
    counts[i] = count;
  }
}
