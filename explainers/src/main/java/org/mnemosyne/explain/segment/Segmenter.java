package org.mnemosyne.explain.segment;

import java.util.Optional;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.image.RgbImage;

/**
 * Partitions an image into segments, the players of an explanation game. Deterministic;
 * implementations are immutable and thread-safe.
 */
public interface Segmenter {

  /**
   * Segments an image.
   *
   * @throws IllegalArgumentException if the image is too small for the requested segmentation
   */
  Segments segment(RgbImage image);

  /**
   * The segmenter for an API specification.
   *
   * @param spec the requested segmentation
   * @param cells the feature-map shape, required for {@link Segmentation.Kind#FEATURE_CELLS}
   * @throws IllegalArgumentException if feature cells are asked for without a shape
   */
  static Segmenter of(Segmentation spec, Optional<FeatureGrid> cells) {
    return switch (spec.kind()) {
      case GRID -> new GridSegmenter(spec.rows(), spec.columns());
      case SLIC -> new SlicSegmenter(spec.segments(), spec.compactness());
      case FEATURE_CELLS -> {
        FeatureGrid g =
            cells.orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "feature-cells segmentation needs the feature-map shape: a grey-box"
                            + " similarity or the option cells=RxC"));
        yield new GridSegmenter(g.rows(), g.columns());
      }
    };
  }
}
