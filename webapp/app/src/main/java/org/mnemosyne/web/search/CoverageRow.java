package org.mnemosyne.web.search;

import org.mnemosyne.db.catalog.ItemRecord;

/**
 * An item of collection A and its best match in collection B: the lower the score, the worse B
 * covers it (a blind spot of B as seen from A).
 *
 * @param rank 1 for the worst-covered item
 * @param item the item of A
 * @param match its most similar item of B
 * @param score their cosine similarity
 */
public record CoverageRow(int rank, ItemRecord item, ItemRecord match, double score) {}
