package org.mnemosyne.db.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Resources an import may use.
 *
 * @param decodeThreads threads that decode images in parallel (default: the number of cores)
 * @param fetchTimeout connect and request timeout of each image download
 * @param maxImageBytes largest image file or download
 * @param maxPixels largest image, in pixels, checked from the header before decoding
 */
public record ImportSettings(
    int decodeThreads, Duration fetchTimeout, long maxImageBytes, long maxPixels) {

  /** Validates. */
  public ImportSettings {
    Objects.requireNonNull(fetchTimeout, "fetchTimeout");
    if (decodeThreads <= 0 || maxImageBytes <= 0 || maxPixels <= 0) {
      throw new IllegalArgumentException("settings must be positive");
    }
  }

  /** The defaults: one decode thread per core, 30 s, 32 MiB, 64 megapixels. */
  public static ImportSettings defaults() {
    return new ImportSettings(
        Runtime.getRuntime().availableProcessors(),
        Duration.ofSeconds(30),
        ImageFetcher.DEFAULT_MAX_BYTES,
        org.mnemosyne.runtime.image.ImageDecoder.DEFAULT_MAX_PIXELS);
  }
}
