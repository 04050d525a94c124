package org.mnemosyne.db.cache;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A stored explanation.
 *
 * @param id cache entry id
 * @param explainer explainer name
 * @param queryItem query item, if any
 * @param targetItem target item, if any
 * @param result the explanation's JSON
 * @param evaluations model evaluations it cost
 * @param wallTimeMillis how long it took to compute
 * @param createdAt when it was computed
 */
public record CachedExplanation(
    long id,
    String explainer,
    Optional<Long> queryItem,
    Optional<Long> targetItem,
    String result,
    long evaluations,
    long wallTimeMillis,
    OffsetDateTime createdAt) {}
