package org.mnemosyne.web.explain;

import java.util.Objects;
import java.util.Optional;
import org.mnemosyne.web.search.UploadStore;

/**
 * One side of an explanation: a collection item or a kept upload.
 *
 * @param item item id
 * @param upload upload id
 */
public record ImageRef(Optional<Long> item, Optional<String> upload) {
  /**
   * Validates: exactly one of the two.
   *
   * @throws IllegalArgumentException otherwise
   */
  public ImageRef {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(upload, "upload");
    if (item.isPresent() == upload.isPresent()) {
      throw new IllegalArgumentException("name an image: an item id or an upload id");
    }
    upload.ifPresent(UploadStore::checkId);
  }

  /**
   * From request parameters, either of which may be null or blank.
   *
   * @param side for messages, e.g. {@code "query"}
   * @throws IllegalArgumentException if neither or both are given, or the item is not a number
   */
  public static ImageRef of(String side, String item, String upload) {
    boolean hasItem = item != null && !item.isBlank();
    boolean hasUpload = upload != null && !upload.isBlank();
    if (hasItem == hasUpload) {
      throw new IllegalArgumentException(
          "the " + side + " image must be given as an item id or an upload id (one of them)");
    }
    if (hasItem) {
      try {
        return new ImageRef(Optional.of(Long.parseLong(item.trim())), Optional.empty());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(side + " item must be a number, not “" + item + "”");
      }
    }
    return new ImageRef(Optional.empty(), Optional.of(upload.trim()));
  }
}
