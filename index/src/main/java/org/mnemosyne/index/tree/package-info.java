/**
 * The conditional ball tree of Hamilton et al. (Conditional Image Retrieval / MosAIc) in the flat,
 * cache-friendly layout of ALGORITHMS.md Appendix 5: a ball partition with points stored in tree
 * order, per-node facet summaries (value bitsets, numeric min/max) so that any {@code AND}/{@code
 * OR}/{@code NOT} condition prunes at node level, and an exact check at the leaves.
 */
package org.mnemosyne.index.tree;
