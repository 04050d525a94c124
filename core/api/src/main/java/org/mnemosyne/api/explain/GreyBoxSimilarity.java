package org.mnemosyne.api.explain;

import java.util.List;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.FeatureMap;

/**
 * A similarity that is the cosine of the spatial means of two feature maps: {@code s(q, t) =
 * cos(mean_ij F(q)_ij, mean_kl F(t)_kl)}. This structure is what makes closed-form CAM explanations
 * (first order and joint) exact. Thread-safe.
 */
public interface GreyBoxSimilarity {

  /** The feature maps of images, one per image, in order. */
  List<FeatureMap> featureMaps(List<RgbImage> images);
}
