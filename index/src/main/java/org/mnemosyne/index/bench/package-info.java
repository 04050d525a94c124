/**
 * Side-by-side benchmarks of conditional k-NN methods (brute force, the built-in indexes and any
 * index provider, plugins included): data sets with categorical facets, conditions of a chosen
 * selectivity, timing over one or more query threads, recall against exact brute force, and
 * Markdown tables. Used by {@code mnemosyne index bench} and the index module's benchmark program.
 */
package org.mnemosyne.index.bench;
