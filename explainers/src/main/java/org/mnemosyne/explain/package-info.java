/**
 * The explanation engine: request set-up shared by every built-in explainer (segmenting and
 * censoring the pair, building the similarity game, reading explainer options). The algorithms live
 * in the sub-packages; the registered {@code ExplainerProvider}s in {@code provider}.
 */
package org.mnemosyne.explain;
