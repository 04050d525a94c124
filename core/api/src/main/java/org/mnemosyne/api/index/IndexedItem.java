package org.mnemosyne.api.index;

import java.util.Objects;

/**
 * One item as an index sees it: its id, its embedding and its facets.
 *
 * @param id the item's database id
 * @param vector its L2-normalised embedding (defensively copied)
 * @param facets its facet values
 */
public record IndexedItem(long id, float[] vector, ItemFacets facets) {

  /** Validates and copies. */
  public IndexedItem {
    Objects.requireNonNull(facets, "facets");
    vector = vector.clone();
  }

  /** A copy of the vector. */
  @Override
  public float[] vector() {
    return vector.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexedItem i
        && i.id == id
        && java.util.Arrays.equals(i.vector, vector)
        && i.facets.equals(facets);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "IndexedItem[" + id + ", d=" + vector.length + ", " + facets + "]";
  }
}
