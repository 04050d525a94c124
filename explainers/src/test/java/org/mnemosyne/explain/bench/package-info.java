/**
 * Benchmark programs (run with {@code exec:java}, not by Surefire): estimator convergence on random
 * networks, and the explainers on the real model. They print what docs/BENCHMARKS.md records.
 */
package org.mnemosyne.explain.bench;
