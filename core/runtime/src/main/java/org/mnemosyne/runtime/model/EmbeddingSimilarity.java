package org.mnemosyne.runtime.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mnemosyne.api.explain.GreyBoxSimilarity;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.explain.SimilarityFunction;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.EmbeddingModel;

/**
 * The search similarity as an explainable score: the cosine of the two images' embeddings under a
 * model. Grey box when the model offers feature maps. Thread-safe if the model is.
 */
public final class EmbeddingSimilarity implements SimilarityFunction {
  private final EmbeddingModel model;

  /** Wraps a model. */
  public EmbeddingSimilarity(EmbeddingModel model) {
    this.model = model;
  }

  @Override
  public String id() {
    return "cosine:" + model.info().id() + "@" + model.info().version();
  }

  @Override
  public double[] similarity(List<ImagePair> pairs) {
    List<org.mnemosyne.api.image.RgbImage> images = new ArrayList<>(2 * pairs.size());
    for (ImagePair p : pairs) {
      images.add(p.query());
      images.add(p.target());
    }
    List<Embedding> e = model.embed(images);
    double[] out = new double[pairs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = e.get(2 * i).dot(e.get(2 * i + 1));
    }
    return out;
  }

  @Override
  public Optional<GreyBoxSimilarity> greyBox() {
    return model.info().featureMaps() ? Optional.of(model::featureMaps) : Optional.empty();
  }
}
