package org.mnemosyne.index.engine;

import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;

/**
 * One item inside the engine: its id, its vector (owned, never modified) and its facets.
 *
 * @param id the item id
 * @param vector the vector, owned by the engine
 * @param facets the facets
 */
record Entry(long id, float[] vector, ItemFacets facets) {

  /** Copies an API item (its accessor already returns a copy of the vector). */
  static Entry of(IndexedItem item) {
    return new Entry(item.id(), item.vector(), item.facets());
  }
}
