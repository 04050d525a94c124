package org.mnemosyne.index.engine;

/**
 * When incremental updates are folded into segments, merged and rebuilt (see {@link
 * SegmentedIndex}).
 *
 * @param bufferSize added items are kept in a small buffer (searched item by item) until it holds
 *     this many; then the buffer becomes a segment
 * @param maxSegments when more segments exist, every segment but the largest (the base) is merged
 *     into one
 * @param rebuildFraction the whole index is rebuilt into one segment when the live items outside
 *     the base exceed this fraction of the base's live items (and {@code rebuildMinimum}), or when
 *     this fraction of the base's items is deleted
 * @param rebuildMinimum see {@code rebuildFraction}
 */
public record UpdatePolicy(
    int bufferSize, int maxSegments, double rebuildFraction, int rebuildMinimum) {
  /** Buffer 64, at most 8 segments, rebuild at 10 % (and at least 1,024 items). */
  public static final UpdatePolicy DEFAULT = new UpdatePolicy(64, 8, 0.10, 1024);

  /** Validates. */
  public UpdatePolicy {
    if (bufferSize < 1 || maxSegments < 2 || !(rebuildFraction > 0) || rebuildMinimum < 0) {
      throw new IllegalArgumentException("invalid update policy");
    }
  }
}
