package org.mnemosyne.index.engine;

import java.io.IOException;
import org.mnemosyne.index.facet.OrdinalSet;
import org.mnemosyne.index.vector.DotProduct;
import org.mnemosyne.index.vector.TopHits;

/**
 * An immutable part of an index: items in a fixed order with their vectors and facets, plus
 * whatever structure its kind adds. Searches offer their candidates to a shared {@link TopHits}, so
 * the threshold reached in one segment prunes the next. Thread-safe.
 */
abstract class Segment {
  /** Chunk size when walking an ordinal set. */
  static final int CHUNK = 1024;

  final SegmentData data;
  final int dimension;
  final long[] ids;
  final float[] vectors;
  private final IdOrdinals lookup;

  Segment(SegmentData data) {
    this.data = data;
    this.dimension = data.dimension();
    this.ids = data.ids();
    this.vectors = data.vectors();
    this.lookup = new IdOrdinals(ids);
  }

  /** Number of items, deleted ones included. */
  final int size() {
    return ids.length;
  }

  /** The ordinal of an item id, or -1. */
  final int ordinalOf(long id) {
    return lookup.ordinal(id);
  }

  /** The item at an ordinal, for merges. */
  final Entry entry(int ordinal) {
    float[] v = new float[dimension];
    System.arraycopy(vectors, ordinal * dimension, v, 0, dimension);
    return new Entry(ids[ordinal], v, data.facets().facets(ordinal));
  }

  /** Offers this segment's best matches to {@code hits}. */
  abstract void search(SegmentQuery query, TopHits hits, SearchStats stats);

  /** Writes what this kind adds to {@link SegmentData}. */
  abstract void writeStructure(IndexOutput out) throws IOException;

  /** Bytes held, for memory reports. */
  long bytes() {
    return 8L * ids.length + 4L * vectors.length;
  }

  /** The canonical score of one ordinal. */
  final float score(float[] query, int ordinal) {
    return DotProduct.dot(query, 0, vectors, ordinal * dimension, dimension);
  }

  /**
   * Scores every match exactly: the {@code postings-scan} mode, also the whole of the {@code
   * exact-scan} index. Four matches at a time ({@link DotProduct#dot4}).
   */
  final void scoreAll(SegmentQuery query, TopHits hits, SearchStats stats) {
    float[] q = query.vector().padded();
    OrdinalSet matches = query.matches();
    float[] scores = new float[4];
    if (query.everything()) {
      int[] chunk = new int[CHUNK];
      for (int from = 0; from < size(); from += CHUNK) {
        int n = Math.min(CHUNK, size() - from);
        for (int i = 0; i < n; i++) {
          chunk[i] = from + i;
        }
        scoreOrdinals(q, chunk, n, hits, scores);
      }
      stats.exactScores += size();
      return;
    }
    if (!matches.isBitmap()) {
      int[] ordinals = matches.toArray();
      scoreOrdinals(q, ordinals, ordinals.length, hits, scores);
      stats.exactScores += ordinals.length;
      return;
    }
    int[] chunk = new int[CHUNK];
    for (int from = 0; from < size(); from += CHUNK) {
      int n = matches.fill(from, from + CHUNK, chunk);
      scoreOrdinals(q, chunk, n, hits, scores);
      stats.exactScores += n;
    }
  }

  /** Offers the canonical scores of {@code ordinals[0..n)}, four at a time. */
  final void scoreOrdinals(float[] q, int[] ordinals, int n, TopHits hits, float[] scores) {
    int d = dimension;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      int p0 = ordinals[i];
      int p1 = ordinals[i + 1];
      int p2 = ordinals[i + 2];
      int p3 = ordinals[i + 3];
      DotProduct.dot4(q, vectors, p0 * d, p1 * d, p2 * d, p3 * d, d, scores);
      hits.offer(scores[0], ids[p0]);
      hits.offer(scores[1], ids[p1]);
      hits.offer(scores[2], ids[p2]);
      hits.offer(scores[3], ids[p3]);
    }
    for (; i < n; i++) {
      hits.offer(score(q, ordinals[i]), ids[ordinals[i]]);
    }
  }
}
