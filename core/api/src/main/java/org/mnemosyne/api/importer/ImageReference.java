package org.mnemosyne.api.importer;

import java.util.Objects;

/**
 * Where an item's image is.
 *
 * @param kind how to read {@code location}
 * @param location a file path (relative to the source or absolute), a URL, or a IIIF Image API
 *     service base URL
 */
public record ImageReference(Kind kind, String location) {

  /** Kinds of image location. */
  public enum Kind {
    /** A local file. */
    FILE,
    /** A plain image URL. */
    URL,
    /** A IIIF Image API service. */
    IIIF
  }

  /** Validates. */
  public ImageReference {
    Objects.requireNonNull(kind, "kind");
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("image location must not be blank");
    }
  }
}
