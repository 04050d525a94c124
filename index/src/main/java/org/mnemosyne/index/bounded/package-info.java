/**
 * The {@code bounded-scan} provider: exact conditional search over 8-bit codes with rigorous error
 * bounds, a ball partition searched best bound first, and a per-query planner.
 */
package org.mnemosyne.index.bounded;
