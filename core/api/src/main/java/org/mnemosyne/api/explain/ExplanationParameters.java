package org.mnemosyne.api.explain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything that determines an explanation besides the images and the similarity function:
 * together with those, equal parameters give equal results, so {@link #canonical()} is part of the
 * cache key. Immutable.
 *
 * @param order first order or joint
 * @param sides which images get a first-order map (ignored for joint, which covers both)
 * @param segmentation how pixels are grouped into players
 * @param censor what an absent player's pixels become
 * @param budget maximum number of similarity evaluations (positive)
 * @param batchSize pairs per similarity call; a pure performance knob that never changes results
 * @param seed seed of every random choice
 * @param options explainer-specific options (e.g. {@code kernel.width}); sorted copy
 */
public record ExplanationParameters(
    Order order,
    Set<Side> sides,
    Segmentation segmentation,
    Censor censor,
    int budget,
    int batchSize,
    long seed,
    Map<String, String> options) {

  /** Validates and copies. */
  public ExplanationParameters {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(segmentation, "segmentation");
    Objects.requireNonNull(censor, "censor");
    if (sides == null || sides.isEmpty()) {
      throw new IllegalArgumentException("at least one side must be explained");
    }
    if (budget <= 0) {
      throw new IllegalArgumentException("budget must be positive");
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive");
    }
    sides = Set.copyOf(EnumSet.copyOf(sides));
    options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
  }

  /** Sensible defaults: first order on both sides, 4x4 grid, blur 8, budget 2048, batch 16. */
  public static ExplanationParameters defaults() {
    return new ExplanationParameters(
        Order.FIRST,
        EnumSet.allOf(Side.class),
        Segmentation.grid(4, 4),
        Censor.blur(8),
        2048,
        16,
        0L,
        Map.of());
  }

  /**
   * A canonical one-line description of every parameter that affects the result (batch size
   * excluded, since it does not), stable across releases: the cache key's parameter part.
   */
  public String canonical() {
    StringBuilder sb = new StringBuilder();
    sb.append("order=").append(order.name().toLowerCase(java.util.Locale.ROOT));
    sb.append(";sides=");
    EnumSet.copyOf(sides).forEach(s -> sb.append(s.name().toLowerCase(java.util.Locale.ROOT)));
    sb.append(";segmentation=").append(segmentation.describe());
    sb.append(";censor=").append(censor.describe());
    sb.append(";budget=").append(budget);
    sb.append(";seed=").append(seed);
    options.forEach((k, v) -> sb.append(';').append(k).append('=').append(v));
    return sb.toString();
  }

  /** A copy with another order. */
  public ExplanationParameters withOrder(Order newOrder) {
    return new ExplanationParameters(
        newOrder, sides, segmentation, censor, budget, batchSize, seed, options);
  }

  /** A copy with other sides. */
  public ExplanationParameters withSides(Set<Side> newSides) {
    return new ExplanationParameters(
        order, newSides, segmentation, censor, budget, batchSize, seed, options);
  }

  /** A copy with another segmentation. */
  public ExplanationParameters withSegmentation(Segmentation newSegmentation) {
    return new ExplanationParameters(
        order, sides, newSegmentation, censor, budget, batchSize, seed, options);
  }

  /** A copy with another censor. */
  public ExplanationParameters withCensor(Censor newCensor) {
    return new ExplanationParameters(
        order, sides, segmentation, newCensor, budget, batchSize, seed, options);
  }

  /** A copy with another budget. */
  public ExplanationParameters withBudget(int newBudget) {
    return new ExplanationParameters(
        order, sides, segmentation, censor, newBudget, batchSize, seed, options);
  }

  /** A copy with another batch size. */
  public ExplanationParameters withBatchSize(int newBatchSize) {
    return new ExplanationParameters(
        order, sides, segmentation, censor, budget, newBatchSize, seed, options);
  }

  /** A copy with another seed. */
  public ExplanationParameters withSeed(long newSeed) {
    return new ExplanationParameters(
        order, sides, segmentation, censor, budget, batchSize, newSeed, options);
  }

  /** A copy with one more explainer-specific option. */
  public ExplanationParameters withOption(String key, String value) {
    Map<String, String> more = new TreeMap<>(options);
    more.put(key, value);
    return new ExplanationParameters(
        order, sides, segmentation, censor, budget, batchSize, seed, more);
  }
}
