package org.mnemosyne.api.explain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of {@link Explainer#explain}: per-side maps (first order), the correspondence matrix
 * (joint), the game's base and full values, the cost, and every parameter — enough to reproduce and
 * to cache it. Immutable.
 *
 * @param explainer name of the provider that made it
 * @param explainerVersion version of that provider
 * @param similarityId {@link SimilarityFunction#id()} of the explained score
 * @param parameters the parameters used
 * @param maps first-order maps by side (empty for a purely joint explanation)
 * @param joint the correspondence, for {@link Order#JOINT}
 * @param baseValue v(empty set): the score with every explained player absent
 * @param fullValue v(N): the score of the uncensored pair
 * @param evaluations similarity evaluations spent (at most the budget)
 * @param wallTime elapsed time
 * @param errorEstimate the estimator's own error or convergence indicator, if it has one (e.g. the
 *     standard error of a sampled estimate; 0 for exact methods)
 */
public record Explanation(
    String explainer,
    String explainerVersion,
    String similarityId,
    ExplanationParameters parameters,
    Map<Side, SegmentAttribution> maps,
    Optional<JointAttribution> joint,
    double baseValue,
    double fullValue,
    long evaluations,
    Duration wallTime,
    OptionalDouble errorEstimate) {

  /** Validates and copies. */
  public Explanation {
    Objects.requireNonNull(explainer, "explainer");
    Objects.requireNonNull(explainerVersion, "explainerVersion");
    Objects.requireNonNull(similarityId, "similarityId");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(joint, "joint");
    Objects.requireNonNull(wallTime, "wallTime");
    Objects.requireNonNull(errorEstimate, "errorEstimate");
    maps = maps.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(maps));
    if (maps.isEmpty() && joint.isEmpty()) {
      throw new IllegalArgumentException("an explanation needs a map or a joint matrix");
    }
    if (evaluations < 0) {
      throw new IllegalArgumentException("evaluations must not be negative");
    }
  }

  /** The first-order map of one side, if computed. */
  public Optional<SegmentAttribution> map(Side side) {
    return Optional.ofNullable(maps.get(side));
  }
}
