/**
 * Search explanations: why is this target similar to this query? One verb, {@link
 * org.mnemosyne.api.explain.Explainer#explain}, for first-order maps (which pixels of each image
 * carry the similarity) and joint, second-order correspondences (which query region matches which
 * target region), for any {@link org.mnemosyne.api.explain.SimilarityFunction}, black box or grey
 * box.
 */
package org.mnemosyne.api.explain;
