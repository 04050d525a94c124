package org.mnemosyne.api.index;

import java.util.Objects;

/**
 * What a saved index file says about itself; a file whose header does not match what the host
 * expects (another provider or version, another model or dimension) is refused.
 *
 * @param provider name of the {@link IndexProvider} that wrote it
 * @param providerVersion version of that provider (its file format)
 * @param modelId the model whose vectors it holds
 * @param dimension vector length
 * @param count number of items
 * @param checksum checksum of the payload, checked on load
 */
public record IndexHeader(
    String provider,
    String providerVersion,
    String modelId,
    int dimension,
    long count,
    long checksum) {

  /** Validates. */
  public IndexHeader {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerVersion, "providerVersion");
    Objects.requireNonNull(modelId, "modelId");
  }
}
