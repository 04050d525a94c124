/**
 * Segmenters: how an image's pixels are grouped into the players of an explanation game — a regular
 * grid, SLIC superpixels, or the cells of a model's feature map. Every segmenter is deterministic,
 * so explanations are reproducible.
 */
package org.mnemosyne.explain.segment;
