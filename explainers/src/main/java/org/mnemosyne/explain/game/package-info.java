/**
 * Cooperative games and their evaluation: coalitions of players, the {@link
 * org.mnemosyne.explain.game.Game} that estimators query (memoised, budgeted, batched,
 * cancellable), the similarity game over a censored image pair, coalition designs for kernel
 * estimators, and the result types of first- and second-order estimators.
 */
package org.mnemosyne.explain.game;
