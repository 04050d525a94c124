package org.mnemosyne.model.djl;

/**
 * One batch of model input: {@code size} images, NCHW, already normalised.
 *
 * @param size number of images
 * @param data {@code size * 3 * 224 * 224} values
 * @param wantFeatures whether the spatial features are copied out
 */
record ModelBatch(int size, float[] data, boolean wantFeatures) {}
