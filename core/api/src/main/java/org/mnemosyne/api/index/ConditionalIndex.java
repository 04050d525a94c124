package org.mnemosyne.api.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An exact k-nearest-neighbour index over one model's vectors that answers any {@link Condition}
 * without refitting.
 *
 * <p>Guarantee: {@link #search} returns the exact top k among the items that satisfy the condition
 * — {@code min(k, matching)} hits, scores equal to the dot products, ties broken by ascending id.
 * Searches may run concurrently with each other and with {@link #add}/{@link #remove}; each search
 * sees a consistent state.
 */
public interface ConditionalIndex extends AutoCloseable {

  /** Provider, model, dimension and current count. */
  IndexHeader header();

  /** The facet schema conditions are checked against. */
  FacetSchema schema();

  /**
   * The k most similar items that satisfy {@code condition}.
   *
   * @param query an L2-normalised vector of the index's dimension
   * @param condition a condition over {@link #schema()}; {@link Condition#ALL} for none
   * @param k how many hits, positive
   * @throws IllegalArgumentException on a wrong dimension, non-positive k, or a condition naming a
   *     field outside the schema
   */
  SearchResult search(float[] query, Condition condition, int k);

  /** Adds or replaces an item (by id). */
  void add(IndexedItem item);

  /**
   * Removes an item.
   *
   * @return whether it was present
   */
  boolean remove(long itemId);

  /** Number of items. */
  long size();

  /**
   * Writes the index to a file with its {@link IndexHeader}; atomic (a crash leaves the old file).
   */
  void save(Path file) throws IOException;

  /** Releases memory and any native resources. */
  @Override
  void close();
}
