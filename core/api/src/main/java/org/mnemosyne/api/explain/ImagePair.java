package org.mnemosyne.api.explain;

import java.util.Objects;
import org.mnemosyne.api.image.RgbImage;

/**
 * A (query, target) pair whose similarity is asked for.
 *
 * @param query the (possibly censored) query image
 * @param target the (possibly censored) target image
 */
public record ImagePair(RgbImage query, RgbImage target) {
  /** Validates. */
  public ImagePair {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(target, "target");
  }
}
