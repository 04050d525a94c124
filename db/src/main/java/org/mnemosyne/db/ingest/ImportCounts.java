package org.mnemosyne.db.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an import did, over all its attempts.
 *
 * @param processed records read from the source (imported or refused)
 * @param created new items
 * @param updated items whose fields or image changed (or that came back after a withdrawal)
 * @param unchanged items that were already stored exactly so
 * @param embedded vectors computed (new items and changed images)
 * @param rejected records refused, each with a problem
 * @param warnings records imported with a change (markup removed...), counted per problem
 * @param withdrawn items withdrawn because the source no longer has them
 */
public record ImportCounts(
    long processed,
    long created,
    long updated,
    long unchanged,
    long embedded,
    long rejected,
    long warnings,
    long withdrawn) {

  /** Nothing yet. */
  public static final ImportCounts ZERO = new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0);

  /** Items stored or confirmed: created + updated + unchanged. */
  public long imported() {
    return created + updated + unchanged;
  }

  /** The counters kept in {@code job.counts}. */
  Map<String, Long> asMap() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("created", created);
    m.put("updated", updated);
    m.put("unchanged", unchanged);
    m.put("embedded", embedded);
    m.put("rejected", rejected);
    m.put("withdrawn", withdrawn);
    return m;
  }

  /** Counters as read back from a job. */
  static ImportCounts of(long processed, long warnings, Map<String, Long> m) {
    return new ImportCounts(
        processed,
        m.getOrDefault("created", 0L),
        m.getOrDefault("updated", 0L),
        m.getOrDefault("unchanged", 0L),
        m.getOrDefault("embedded", 0L),
        m.getOrDefault("rejected", 0L),
        warnings,
        m.getOrDefault("withdrawn", 0L));
  }
}
