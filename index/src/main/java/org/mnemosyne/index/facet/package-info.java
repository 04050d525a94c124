/**
 * Facets of indexed items as columns: per categorical value a compressed set of item ordinals
 * (postings), per numeric facet the values sorted for ranges; and the evaluation of a {@link
 * org.mnemosyne.api.index.Condition} to the set of ordinals it matches, with the API's semantics.
 */
package org.mnemosyne.index.facet;
