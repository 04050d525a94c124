package org.mnemosyne.cli;

import java.util.Optional;

/**
 * One row of a search-quality report: the means over the queries of one collection (and, in the
 * breakdown, one subject group) against one target.
 *
 * @param queryCollection the queries' collection
 * @param subject the subject group the queries have; empty for all labelled queries
 * @param target the target collection; empty for the unconditional search over all items
 * @param labelled labelled items of the query collection (with that subject group)
 * @param queries those with at least one relevant item in the target, over which means are taken
 * @param precision mean precision@k
 * @param chance mean share of relevant items in the target (query excluded)
 * @param best mean {@code min(k, relevant) / k}
 * @param ownCollection mean share of the k hits in the query's own collection
 */
record QualityRow(
    String queryCollection,
    Optional<String> subject,
    Optional<String> target,
    int labelled,
    int queries,
    double precision,
    double chance,
    double best,
    double ownCollection) {}
