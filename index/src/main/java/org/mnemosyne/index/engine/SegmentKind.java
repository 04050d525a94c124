package org.mnemosyne.index.engine;

import java.io.IOException;
import java.util.List;
import org.mnemosyne.api.index.FacetSchema;

/**
 * How one kind of segment is built and read back. The kind's {@link #name} is written into saved
 * files before each segment.
 */
interface SegmentKind {

  /** Stable name, e.g. {@code scan}. */
  String name();

  /**
   * Builds a segment from entries (at least one).
   *
   * @param entries the items, ids distinct
   */
  Segment build(List<Entry> entries, int dimension, FacetSchema schema);

  /** Reads the structure written by {@link Segment#writeStructure} around restored data. */
  Segment read(IndexInput in, SegmentData data) throws IOException;
}
