/**
 * The {@code exact-scan} provider: postings pre-filter plus SIMD dot products over every match. The
 * reference every faster index is tested against.
 */
package org.mnemosyne.index.scan;
