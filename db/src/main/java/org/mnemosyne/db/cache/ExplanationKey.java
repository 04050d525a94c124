package org.mnemosyne.db.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything that determines an explanation: model, explainer (and versions), the canonical
 * parameters, and the content hashes of the two images (an item and an upload of the same bytes
 * share a hash). The item ids only link the entry to items, so that a takedown deletes it.
 *
 * @param modelId model id
 * @param modelVersion model version
 * @param explainer explainer name
 * @param explainerVersion explainer version
 * @param parameters canonical parameter text
 * @param queryHash sha-256 (hex) of the query image bytes
 * @param queryItem query item, if the query is an item
 * @param targetHash sha-256 (hex) of the target image bytes
 * @param targetItem target item, if the target is an item
 */
public record ExplanationKey(
    String modelId,
    String modelVersion,
    String explainer,
    String explainerVersion,
    String parameters,
    String queryHash,
    Optional<Long> queryItem,
    String targetHash,
    Optional<Long> targetItem) {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /** Validates. */
  public ExplanationKey {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(explainer, "explainer");
    Objects.requireNonNull(explainerVersion, "explainerVersion");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(queryItem, "queryItem");
    Objects.requireNonNull(targetItem, "targetItem");
    if (!HASH.matcher(queryHash).matches() || !HASH.matcher(targetHash).matches()) {
      throw new IllegalArgumentException("image hashes must be 64 lower-case hex digits");
    }
  }

  /** sha-256 (hex) of the parameter text. */
  public String parametersHash() {
    return sha256(parameters);
  }

  /** One hash of the whole key: the subject of the job that computes it. */
  public String digest() {
    return sha256(
        String.join(
            "\n",
            modelId,
            modelVersion,
            explainer,
            explainerVersion,
            parameters,
            queryHash,
            targetHash));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
