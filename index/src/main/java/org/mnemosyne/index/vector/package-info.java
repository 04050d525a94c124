/**
 * Vector arithmetic for the indexes: the one canonical dot product every search mode scores with,
 * an 8-bit quantised copy of the vectors whose approximate scores come with rigorous error bounds,
 * the bounded top-k heap, and query validation. SIMD kernels use the incubating Vector API when the
 * JVM was started with {@code --add-modules jdk.incubator.vector}, scalar kernels with identical
 * results otherwise.
 */
package org.mnemosyne.index.vector;
