package org.mnemosyne.index.engine;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one search did, filled in by the segments: the modes that ran, how many canonical (exact)
 * and approximate (quantised) scores were computed, how many tree nodes or blocks were opened, and
 * how many live items matched the condition. Not thread-safe: one per search.
 */
public final class SearchStats {
  private String firstMode;
  private Set<String> modes;
  long exactScores;
  long approximateScores;
  long nodesVisited;
  long matching;
  long prefixRejections;

  /** Records that a mode ran. */
  void mode(String mode) {
    if (firstMode == null) {
      firstMode = mode;
    } else if (!firstMode.equals(mode)) {
      if (modes == null) {
        modes = new LinkedHashSet<>();
        modes.add(firstMode);
      }
      modes.add(mode);
    }
  }

  /** The modes that ran, joined by {@code +} in the order they first ran. */
  public String modes() {
    if (firstMode == null) {
      return "empty";
    }
    return modes == null ? firstMode : String.join("+", modes);
  }

  /** Canonical dot products computed. */
  public long exactScores() {
    return exactScores;
  }

  /** Quantised approximate scores computed. */
  public long approximateScores() {
    return approximateScores;
  }

  /** Tree nodes or blocks opened. */
  public long nodesVisited() {
    return nodesVisited;
  }

  /** Candidates rejected by principal-component prefix bounds, before their full codes. */
  public long prefixRejections() {
    return prefixRejections;
  }

  /** Live items that satisfy the condition. */
  public long matching() {
    return matching;
  }
}
