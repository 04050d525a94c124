/** Cached explanations: computed once, keyed by everything that determines them. */
package org.mnemosyne.db.cache;
