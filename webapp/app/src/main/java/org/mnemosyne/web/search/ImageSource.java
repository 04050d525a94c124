package org.mnemosyne.web.search;

import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An image the portal derives files from: the SHA-256 of its bytes, which names (and validates)
 * every derivative, thumbnail, display size and deep-zoom pyramid alike, and a way to read the
 * bytes, called only when a derivative has to be made.
 *
 * @param hash SHA-256 of the image bytes, 64 lower-case hex digits
 * @param bytes reads the image bytes (may throw {@link NotFoundException} if they are gone)
 */
public record ImageSource(String hash, Supplier<byte[]> bytes) {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /** Validates: a hash is the only part of a derivative's file name, so it is checked here. */
  public ImageSource {
    if (hash == null || !HASH.matcher(hash).matches()) {
      throw new IllegalArgumentException("an image hash is 64 lower-case hex digits");
    }
    if (bytes == null) {
      throw new IllegalArgumentException("bytes must not be null");
    }
  }
}
