package org.mnemosyne.index.engine;

import org.mnemosyne.api.index.Condition;
import org.mnemosyne.index.facet.OrdinalSet;
import org.mnemosyne.index.vector.QueryVector;

/**
 * One search as a segment sees it.
 *
 * @param vector the validated query
 * @param condition the normalized condition
 * @param matches the live ordinals of the segment that satisfy the condition
 * @param everything whether {@code matches} is every ordinal of the segment (no condition, no
 *     deletions), so scans may skip membership checks and trees the condition machinery
 */
record SegmentQuery(
    QueryVector vector, Condition condition, OrdinalSet matches, boolean everything) {}
