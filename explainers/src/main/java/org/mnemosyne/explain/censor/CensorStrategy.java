package org.mnemosyne.explain.censor;

import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.image.RgbImage;

/**
 * Produces the fully censored ("absent") version of an image; a player that is out of a coalition
 * shows the censored pixels of its segment. Computed once per image and explanation, then reused
 * for every coalition. Implementations are immutable and thread-safe.
 */
public interface CensorStrategy {

  /** The image with every pixel censored; same size, values in [0, 1]. */
  RgbImage absent(RgbImage image);

  /** The strategy for an API censor specification. */
  static CensorStrategy of(Censor spec) {
    return switch (spec.kind()) {
      case BLUR -> new GaussianBlurCensor(spec.sigma());
      case MEAN -> new MeanColourCensor();
      case CONSTANT -> new ConstantColourCensor(spec.red(), spec.green(), spec.blue());
    };
  }
}
