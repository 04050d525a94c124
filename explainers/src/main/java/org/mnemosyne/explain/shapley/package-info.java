/**
 * First-order Shapley values of a game: exact enumeration for small games and Kernel SHAP (the
 * Shapley-kernel regression with the empty and grand coalitions as exact constraints).
 */
package org.mnemosyne.explain.shapley;
