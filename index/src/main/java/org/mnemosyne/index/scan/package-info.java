/**
 * The exact scan: every item's condition is checked and every matching vector scored. The reference
 * every faster index is tested against.
 */
package org.mnemosyne.index.scan;
