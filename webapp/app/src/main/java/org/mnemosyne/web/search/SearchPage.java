package org.mnemosyne.web.search;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mnemosyne.api.index.Condition;

/**
 * A page of results.
 *
 * @param request what was asked
 * @param condition the condition as parsed and normalised
 * @param queryItem the query item, when searching by an item
 * @param rows the results of this page
 * @param hasMore whether a next page exists
 * @param matching how many items satisfy the condition
 * @param indexed how many items are searchable
 * @param mode how the index answered ({@code browse} without a query)
 * @param vectorsScored how many vectors the index scored
 * @param elapsed index time
 * @param warnings e.g. condition values that no item has
 */
public record SearchPage(
    SearchRequest request,
    Condition condition,
    Optional<org.mnemosyne.db.catalog.ItemRecord> queryItem,
    List<ResultRow> rows,
    boolean hasMore,
    long matching,
    int indexed,
    String mode,
    long vectorsScored,
    Duration elapsed,
    List<String> warnings) {
  /** Copies the lists. */
  public SearchPage {
    rows = List.copyOf(rows);
    warnings = List.copyOf(warnings);
  }
}
