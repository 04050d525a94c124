package org.mnemosyne.api.model;

import java.util.List;
import org.mnemosyne.api.image.RgbImage;

/**
 * A loaded image-embedding model. Thread-safe: the host calls it from several threads at once and
 * the implementation pools its native predictors. Closing releases every native resource.
 *
 * <p>Images of any size are accepted; the model resizes them to {@link ModelInfo#inputWidth()} x
 * {@link ModelInfo#inputHeight()} with its documented preprocessing. Callers that need exact pixel
 * alignment (explainers) pass images already at the input size.
 */
public interface EmbeddingModel extends AutoCloseable {

  /** What this model is; constant. */
  ModelInfo info();

  /**
   * Embeds images.
   *
   * @return one L2-normalised vector of length {@link ModelInfo#dimension()} per image, in order
   */
  List<Embedding> embed(List<RgbImage> images);

  /**
   * Grey-box spatial features, e.g. the last convolutional layer before global average pooling,
   * such that the embedding is the (normalised) spatial mean of the map.
   *
   * @return one map per image, in order
   * @throws UnsupportedOperationException if {@link ModelInfo#featureMaps()} is false
   */
  List<FeatureMap> featureMaps(List<RgbImage> images);

  /** Releases native resources; further calls fail. */
  @Override
  void close();
}
