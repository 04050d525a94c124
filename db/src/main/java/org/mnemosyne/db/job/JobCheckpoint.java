package org.mnemosyne.db.job;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A job's progress as of one commit; written in the same transaction as the work it counts, so it
 * is never ahead of or behind the data.
 *
 * @param processed units of input handled (imported, unchanged or refused)
 * @param total all units, if known
 * @param succeeded units handled successfully
 * @param failed units refused (each has an error {@link JobProblem})
 * @param warnings warning problems recorded
 * @param counts type-specific counters, e.g. {@code created}, {@code embedded}
 * @param progress share of the work done, 0..1
 * @param message what is happening, for people
 * @param cursor where a resumed attempt continues, if anything was committed
 */
public record JobCheckpoint(
    long processed,
    Optional<Long> total,
    long succeeded,
    long failed,
    long warnings,
    Map<String, Long> counts,
    double progress,
    String message,
    Optional<String> cursor) {

  /** Nothing done yet. */
  public static final JobCheckpoint START =
      new JobCheckpoint(0, Optional.empty(), 0, 0, 0, Map.of(), 0, "", Optional.empty());

  /** Validates and copies (counters sorted by name). */
  public JobCheckpoint {
    if (processed < 0 || succeeded < 0 || failed < 0 || warnings < 0) {
      throw new IllegalArgumentException("counters must not be negative");
    }
    if (!(progress >= 0 && progress <= 1)) {
      throw new IllegalArgumentException("progress must be within 0..1, not " + progress);
    }
    counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    message = message == null ? "" : message;
  }

  /** A counter by name, 0 if absent. */
  public long count(String name) {
    return counts.getOrDefault(name, 0L);
  }
}
