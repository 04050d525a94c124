/**
 * The built-in embedding model: DJL running an image CNN (by default the shipped MobileNetV2) with
 * ONNX Runtime, offline, with a pool of single-threaded predictors.
 */
package org.mnemosyne.model.djl;
