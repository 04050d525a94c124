package org.mnemosyne.model.djl;

import java.util.Set;

/**
 * One batch of model input: {@code size} images, NCHW, already normalised.
 *
 * @param size number of images
 * @param data {@code size * 3 * side * side} values
 * @param side input height and width
 * @param outputs which outputs to copy back to the heap
 */
record ModelBatch(int size, float[] data, int side, Set<ModelOutput.Kind> outputs) {}
