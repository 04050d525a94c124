package org.mnemosyne.model.djl;

/**
 * Model output copied to the heap (no native memory outlives a call).
 *
 * @param embeddings raw (unnormalised) embeddings, one per image
 * @param features feature maps, one flat C*H*W array per image, or null when not requested
 * @param featureChannels C
 * @param featureHeight H
 * @param featureWidth W
 */
record ModelOutput(
    float[][] embeddings,
    float[][] features,
    int featureChannels,
    int featureHeight,
    int featureWidth) {}
