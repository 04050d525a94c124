package org.mnemosyne.api.index;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a conditional k-NN query, and how it was computed.
 *
 * @param hits at most k hits, best first (ties by ascending item id); exactly {@code min(k,
 *     matching items)} for an exact index
 * @param mode the plan that ran, e.g. {@code postings-scan}, {@code tree}, {@code scan}
 * @param vectorsScored how many vectors had their similarity computed
 * @param nodesVisited how many index nodes were opened (0 for scans)
 * @param matching how many items satisfy the condition, or -1 when the plan did not count them
 * @param elapsed time spent in the index
 */
public record SearchResult(
    List<Hit> hits,
    String mode,
    long vectorsScored,
    long nodesVisited,
    long matching,
    Duration elapsed) {

  /** Validates and copies. */
  public SearchResult {
    hits = List.copyOf(hits);
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
