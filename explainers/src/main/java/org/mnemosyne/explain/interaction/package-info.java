/**
 * Second-order (joint) explanations of a game: exact order-2 Shapley-Taylor interaction indices by
 * the Möbius transform, the Kernel Shapley-Taylor estimator (quadratic surrogate with the
 * Shapley-Taylor kernel and sizes 0, 1 and M as exact constraints), and the permutation-sampling
 * estimator that serves as its baseline.
 */
package org.mnemosyne.explain.interaction;
