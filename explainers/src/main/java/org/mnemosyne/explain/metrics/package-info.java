/**
 * Quality metrics for explanations (ALGORITHMS.md A.7.2 and Appendix 4): deletion and insertion
 * curves for first-order maps, the projection metric for correspondences with object masks from
 * cut-out images as ground truth, and rank correlation for consistency across seeds and budgets.
 * They run on any game, so on any explainer's output.
 */
package org.mnemosyne.explain.metrics;
