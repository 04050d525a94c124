/** Benchmark programs for ingest (run by hand; see docs/BENCHMARKS.md). */
package org.mnemosyne.db.bench;
