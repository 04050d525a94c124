package org.mnemosyne.runtime.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mnemosyne.api.explain.GreyBoxSimilarity;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.explain.SimilarityFunction;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.EmbeddingModel;

/**
 * The search similarity as an explainable score: the cosine of the two images' embeddings under a
 * model. Grey box when the model offers feature maps.
 *
 * <p>Each distinct image object is embedded once per call, and the last few images seen are
 * remembered by identity: an explanation game pairs many censored targets with the same uncensored
 * query, which then costs one model evaluation instead of one per pair. ({@link RgbImage} is
 * immutable, so identity implies equal pixels.) Thread-safe if the model is.
 */
public final class EmbeddingSimilarity implements SimilarityFunction {
  private static final int REMEMBERED = 4;

  private final EmbeddingModel model;
  private final Map<RgbImage, Embedding> recent = new IdentityHashMap<>();
  private final List<RgbImage> order = new ArrayList<>();

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
    Map<RgbImage, Embedding> known = new IdentityHashMap<>();
    synchronized (recent) {
      known.putAll(recent);
    }
    List<RgbImage> missing = new ArrayList<>();
    Map<RgbImage, Boolean> queued = new IdentityHashMap<>();
    for (ImagePair p : pairs) {
      for (RgbImage img : new RgbImage[] {p.query(), p.target()}) {
        if (!known.containsKey(img) && queued.put(img, Boolean.TRUE) == null) {
          missing.add(img);
        }
      }
    }
    List<Embedding> fresh = missing.isEmpty() ? List.of() : model.embed(missing);
    for (int i = 0; i < missing.size(); i++) {
      known.put(missing.get(i), fresh.get(i));
    }
    double[] out = new double[pairs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = known.get(pairs.get(i).query()).dot(known.get(pairs.get(i).target()));
    }
    remember(pairs.get(0), known);
    return out;
  }

  /** Keeps the images of the first pair (typically the unchanged side of the game). */
  private void remember(ImagePair first, Map<RgbImage, Embedding> known) {
    synchronized (recent) {
      for (RgbImage img : new RgbImage[] {first.query(), first.target()}) {
        if (recent.put(img, known.get(img)) == null) {
          order.add(img);
          if (order.size() > REMEMBERED) {
            recent.remove(order.remove(0));
          }
        }
      }
    }
  }

  @Override
  public Optional<GreyBoxSimilarity> greyBox() {
    return model.info().featureMaps() ? Optional.of(model::featureMaps) : Optional.empty();
  }
}
