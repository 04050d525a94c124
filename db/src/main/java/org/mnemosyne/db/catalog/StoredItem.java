package org.mnemosyne.db.catalog;

import java.util.Optional;

/**
 * The stored state of an item that an import compares against.
 *
 * @param id database id
 * @param sourceId id in the source
 * @param contentHash hash of the image bytes last stored
 * @param recordHash {@link ItemDraft#recordHash()} last stored
 * @param active whether it is active (not withdrawn)
 * @param embeddedContentHash the content hash the current model's vector was computed from, if
 *     there is one
 */
public record StoredItem(
    long id,
    String sourceId,
    String contentHash,
    String recordHash,
    boolean active,
    Optional<String> embeddedContentHash) {

  /** Whether the model's vector is missing or was computed from other image bytes. */
  public boolean needsEmbedding(String currentContentHash) {
    return embeddedContentHash.map(h -> !h.equals(currentContentHash)).orElse(true);
  }
}
