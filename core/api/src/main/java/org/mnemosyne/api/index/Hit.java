package org.mnemosyne.api.index;

/**
 * One search result.
 *
 * @param itemId the item's id
 * @param score the exact similarity (dot product of normalised vectors: cosine), higher is closer
 */
public record Hit(long itemId, double score) {}
