package org.mnemosyne.api.index;

import java.util.function.Consumer;

/**
 * The port from which an index is (re)built: the source of truth for one model's vectors and the
 * items' facets (the database in the application; an in-memory list in tests). Implementations are
 * thread-safe; {@link #scan} sees a consistent snapshot.
 */
public interface VectorSource {

  /** The model id every vector comes from. */
  String modelId();

  /** Vector length. */
  int dimension();

  /** The facets conditions may use. */
  FacetSchema schema();

  /** Number of items {@link #scan} will deliver. */
  long count();

  /** Delivers every item once, in ascending id order. */
  void scan(Consumer<IndexedItem> sink);
}
