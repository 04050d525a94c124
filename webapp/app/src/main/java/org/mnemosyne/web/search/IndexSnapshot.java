package org.mnemosyne.web.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.runtime.search.FacetTable;

/**
 * One built index and the facet table of the same scan: what every search of a request sees, so a
 * rebuild in between never mixes two states.
 *
 * @param index the index; empty while the database holds no vectors of the model
 * @param table facets of the indexed items
 * @param fingerprint the database state it was built from
 * @param provider the index provider's name
 * @param modelId model id of the vectors
 * @param modelVersion model version of the vectors
 * @param builtAt when it was built
 * @param buildTime how long the scan and build took
 * @param knownValues every categorical value some item has, as {@code field + '\0' + value}
 */
public record IndexSnapshot(
    Optional<ConditionalIndex> index,
    FacetTable table,
    String fingerprint,
    String provider,
    String modelId,
    String modelVersion,
    Instant builtAt,
    Duration buildTime,
    java.util.Set<String> knownValues) {
  /** Copies the set. */
  public IndexSnapshot {
    knownValues = java.util.Set.copyOf(knownValues);
  }

  /** The facet schema (from the database). */
  public FacetSchema schema() {
    return table.schema();
  }

  /**
   * Every categorical value some item has, as {@code field + '\0' + value} (for warnings about
   * values that match nothing).
   */
  public java.util.Set<String> knownValues() {
    return knownValues;
  }

  /** Number of searchable items. */
  public int size() {
    return table.size();
  }
}
