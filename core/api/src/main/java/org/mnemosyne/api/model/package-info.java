/**
 * Embedding models: the extension point through which a third party adds a model (another CNN, a
 * CLIP image encoder...) by dropping a jar and a model directory.
 */
package org.mnemosyne.api.model;
