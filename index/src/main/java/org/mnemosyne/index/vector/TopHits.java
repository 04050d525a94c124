package org.mnemosyne.index.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mnemosyne.api.index.Hit;

/**
 * The k best (score, id) pairs seen so far: higher score first, equal scores by ascending id. A
 * binary heap on primitive arrays whose root is the worst kept pair, so that {@link #threshold} is
 * the score a candidate must reach to matter. Not thread-safe: one per query.
 */
public final class TopHits {
  private final int k;
  private final float[] scores;
  private final long[] ids;
  private int size;

  /**
   * A heap for the best {@code k}.
   *
   * @param k how many to keep, positive
   * @param capacityHint an upper bound on how many will ever be offered (sizes the arrays)
   */
  public TopHits(int k, long capacityHint) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive, was " + k);
    }
    this.k = k;
    int cap = (int) Math.max(1, Math.min(k, capacityHint));
    this.scores = new float[cap];
    this.ids = new long[cap];
  }

  /** How many pairs it keeps at most. */
  public int k() {
    return k;
  }

  /** How many pairs are kept (at most k). */
  public int size() {
    return size;
  }

  /**
   * The score of the worst kept pair once the heap is full, else negative infinity. A candidate
   * whose score is certainly below it cannot enter; one equal to it enters only with a smaller id.
   */
  public float threshold() {
    return size == k ? scores[0] : Float.NEGATIVE_INFINITY;
  }

  /**
   * Offers a pair.
   *
   * @return whether it was kept
   */
  public boolean offer(float score, long id) {
    if (size < k) {
      if (size == scores.length) {
        throw new IllegalStateException("more candidates offered than the capacity hint");
      }
      scores[size] = score;
      ids[size] = id;
      siftUp(size++);
      return true;
    }
    if (!better(score, id, scores[0], ids[0])) {
      return false;
    }
    scores[0] = score;
    ids[0] = id;
    siftDown(0);
    return true;
  }

  /** Whether (s1, id1) ranks before (s2, id2). */
  static boolean better(float s1, long id1, float s2, long id2) {
    return s1 > s2 || (s1 == s2 && id1 < id2);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!better(scores[parent], ids[parent], scores[i], ids[i])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int worse = left;
      int right = left + 1;
      if (right < size && better(scores[left], ids[left], scores[right], ids[right])) {
        worse = right;
      }
      if (!better(scores[i], ids[i], scores[worse], ids[worse])) {
        return;
      }
      swap(i, worse);
      i = worse;
    }
  }

  private void swap(int a, int b) {
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    long id = ids[a];
    ids[a] = ids[b];
    ids[b] = id;
  }

  /**
   * The {@code k}-th largest of {@code values[0..n)} (counting equal values separately), or
   * negative infinity when {@code k >= n}: a cheap selection for scans that want the {@code k}
   * highest bounds first.
   */
  public static float kthLargest(float[] values, int n, int k) {
    if (k >= n) {
      return Float.NEGATIVE_INFINITY;
    }
    if (k > 64) {
      float[] sorted = Arrays.copyOf(values, n);
      Arrays.sort(sorted);
      return sorted[n - k];
    }
    // The k largest so far in ascending order; most values fall below best[0] at once.
    float[] best = new float[k];
    Arrays.fill(best, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      float v = values[i];
      if (v > best[0]) {
        int j = 1;
        while (j < k && best[j] < v) {
          best[j - 1] = best[j];
          j++;
        }
        best[j - 1] = v;
      }
    }
    return best[0];
  }

  /** The kept pairs, best first. */
  public List<Hit> toHits() {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      int j = i;
      while (j > 0 && better(scores[i], ids[i], scores[order[j - 1]], ids[order[j - 1]])) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
    List<Hit> hits = new ArrayList<>(size);
    for (int i : order) {
      hits.add(new Hit(ids[i], scores[i]));
    }
    return hits;
  }
}
