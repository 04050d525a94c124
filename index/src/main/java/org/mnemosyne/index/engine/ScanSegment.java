package org.mnemosyne.index.engine;

import java.util.List;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.index.vector.TopHits;

/**
 * The exact scan: the condition's postings select the items, the canonical SIMD dot product scores
 * every one of them. Mode {@code postings-scan}, or {@code scan} without a condition.
 */
final class ScanSegment extends Segment {
  /** The kind that builds and reads these segments. */
  static final SegmentKind KIND =
      new SegmentKind() {
        @Override
        public String name() {
          return "scan";
        }

        @Override
        public Segment build(List<Entry> entries, int dimension, FacetSchema schema) {
          int[] identity = new int[entries.size()];
          for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
          }
          return new ScanSegment(SegmentData.of(entries, identity, dimension, schema));
        }

        @Override
        public Segment read(IndexInput in, SegmentData data) {
          return new ScanSegment(data);
        }
      };

  ScanSegment(SegmentData data) {
    super(data);
  }

  @Override
  void search(SegmentQuery query, TopHits hits, SearchStats stats) {
    stats.mode(query.everything() ? "scan" : "postings-scan");
    scoreAll(query, hits, stats);
  }

  @Override
  void writeStructure(IndexOutput out) {}
}
