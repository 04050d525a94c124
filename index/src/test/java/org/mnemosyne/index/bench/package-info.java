/**
 * Benchmark programs (main classes, not tests) for the conditional indexes, with their synthetic
 * data and brute-force baselines.
 */
package org.mnemosyne.index.bench;
