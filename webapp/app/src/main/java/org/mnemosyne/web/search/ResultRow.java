package org.mnemosyne.web.search;

import java.util.OptionalDouble;
import org.mnemosyne.db.catalog.ItemRecord;

/**
 * One result.
 *
 * @param rank 1-based position in the whole result list
 * @param item the item
 * @param score cosine similarity to the query; empty when browsing without a query
 */
public record ResultRow(int rank, ItemRecord item, OptionalDouble score) {}
