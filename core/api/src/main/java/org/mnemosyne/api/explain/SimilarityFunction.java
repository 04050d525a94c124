package org.mnemosyne.api.explain;

import java.util.List;
import java.util.Optional;

/**
 * The score being explained, separate from any embedding model so that any black-box scorer can be
 * explained (a cosine of embeddings, a learned re-ranker, a remote service...).
 *
 * <p>Implementations are deterministic (the same pair always gets the same score) and thread-safe.
 * Explainers call {@link #similarity} with batches; the batch size never changes the scores.
 */
public interface SimilarityFunction {

  /** A stable id for caching, e.g. {@code cosine:mobilenet_v2_1.0_224@ddf16bb2}. */
  String id();

  /**
   * Scores pairs.
   *
   * @return one score per pair, in order
   */
  double[] similarity(List<ImagePair> pairs);

  /**
   * The grey-box view of this function, when it has one: explainers such as Search-CAM use the
   * spatial features that the score is computed from. Empty for a black box.
   */
  default Optional<GreyBoxSimilarity> greyBox() {
    return Optional.empty();
  }
}
