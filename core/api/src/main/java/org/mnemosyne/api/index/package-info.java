/**
 * Conditional k-nearest-neighbour search: the {@link org.mnemosyne.api.index.Condition} language
 * over a {@link org.mnemosyne.api.index.FacetSchema}, and the {@link
 * org.mnemosyne.api.index.IndexProvider} extension point for exact indexes that answer "the k most
 * similar items among those matching this condition" without refitting per subset.
 */
package org.mnemosyne.api.index;
