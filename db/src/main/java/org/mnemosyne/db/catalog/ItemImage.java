package org.mnemosyne.db.catalog;

/**
 * What is known about an item's image once its bytes were read.
 *
 * @param contentHash sha-256 (hex) of the bytes
 * @param width pixel width, or null if the image was not decoded this time
 * @param height pixel height, or null if the image was not decoded this time
 */
public record ItemImage(String contentHash, Integer width, Integer height) {
  /** Validates. */
  public ItemImage {
    if (contentHash == null || !contentHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("content hash must be 64 hex digits");
    }
  }
}
