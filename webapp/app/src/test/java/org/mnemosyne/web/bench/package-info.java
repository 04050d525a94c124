/** Benchmark programs (not tests) for the running portal. */
package org.mnemosyne.web.bench;
