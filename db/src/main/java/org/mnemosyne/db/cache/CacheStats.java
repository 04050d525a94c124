package org.mnemosyne.db.cache;

import java.util.Map;

/**
 * What the explanation cache holds.
 *
 * @param entries number of explanations
 * @param bytes their stored size
 * @param evaluationsSaved model evaluations a second request of each would have cost
 * @param byExplainer entries per explainer
 */
public record CacheStats(
    long entries, long bytes, long evaluationsSaved, Map<String, Long> byExplainer) {
  /** Copies the map. */
  public CacheStats {
    byExplainer = Map.copyOf(byExplainer);
  }
}
