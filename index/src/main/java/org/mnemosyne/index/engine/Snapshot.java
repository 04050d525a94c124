package org.mnemosyne.index.engine;

import java.util.List;
import org.mnemosyne.index.facet.OrdinalSet;

/**
 * An immutable state of a {@link SegmentedIndex}: segments with their deletions, largest first, and
 * the buffer of recently added items. Searches read one snapshot from start to end; updates publish
 * a new one.
 *
 * @param segments the segments, largest first
 * @param buffer recently added items not yet in a segment
 */
record Snapshot(List<LiveSegment> segments, List<Entry> buffer) {
  static final Snapshot EMPTY = new Snapshot(List.of(), List.of());

  Snapshot {
    segments = List.copyOf(segments);
    buffer = List.copyOf(buffer);
  }

  /** Live items. */
  long size() {
    long n = buffer.size();
    for (LiveSegment s : segments) {
      n += s.live();
    }
    return n;
  }

  /**
   * A segment and which of its ordinals are deleted.
   *
   * @param segment the segment
   * @param deleted deleted ordinals, or null when none
   */
  record LiveSegment(Segment segment, OrdinalSet deleted) {
    int live() {
      return segment.size() - (deleted == null ? 0 : deleted.cardinality());
    }

    boolean isLive(int ordinal) {
      return ordinal >= 0 && (deleted == null || !deleted.contains(ordinal));
    }
  }
}
