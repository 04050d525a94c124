/**
 * SBSM (similarity-based saliency maps, RISE-style randomised masking) for search, first order and
 * joint: binary random coalitions on any game, and smooth up-sampled random masks on images. Not a
 * Shapley estimator (it estimates conditional expectations); tested against its own definition.
 */
package org.mnemosyne.explain.sbsm;
