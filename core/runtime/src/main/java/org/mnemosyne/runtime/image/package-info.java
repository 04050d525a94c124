/**
 * Image input: a bounded, safe decoder and the resize to a model's input size, shared by search and
 * explanations so both see exactly the same pixels.
 */
package org.mnemosyne.runtime.image;
