package org.mnemosyne.api.explain;

import java.util.Objects;

/**
 * What "absent" means for a segment: how its pixels are replaced when the player is out of the
 * coalition.
 *
 * @param kind the method
 * @param sigma Gaussian blur standard deviation in pixels ({@link Kind#BLUR})
 * @param red constant red in [0, 1] ({@link Kind#CONSTANT})
 * @param green constant green in [0, 1] ({@link Kind#CONSTANT})
 * @param blue constant blue in [0, 1] ({@link Kind#CONSTANT})
 */
public record Censor(Kind kind, double sigma, double red, double green, double blue) {

  /** Censoring methods. */
  public enum Kind {
    /** Replace by a Gaussian-blurred copy of the image. */
    BLUR,
    /** Replace by the image's mean colour. */
    MEAN,
    /** Replace by a constant colour. */
    CONSTANT
  }

  /** Validates. */
  public Censor {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.BLUR && !(sigma > 0)) {
      throw new IllegalArgumentException("blur needs sigma > 0");
    }
    for (double c : new double[] {red, green, blue}) {
      if (!(c >= 0 && c <= 1)) {
        throw new IllegalArgumentException("colour components must be in [0, 1]");
      }
    }
  }

  /** Gaussian blur. */
  public static Censor blur(double sigma) {
    return new Censor(Kind.BLUR, sigma, 0, 0, 0);
  }

  /** The image's mean colour. */
  public static Censor mean() {
    return new Censor(Kind.MEAN, 0, 0, 0, 0);
  }

  /** A constant colour. */
  public static Censor constant(double red, double green, double blue) {
    return new Censor(Kind.CONSTANT, 0, red, green, blue);
  }

  /** Canonical text, e.g. {@code blur(8.0)}, for cache keys and display. */
  public String describe() {
    return switch (kind) {
      case BLUR -> "blur(" + sigma + ")";
      case MEAN -> "mean";
      case CONSTANT -> "constant(" + red + "," + green + "," + blue + ")";
    };
  }
}
