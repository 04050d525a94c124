package org.mnemosyne.api.model;

import java.util.Objects;

/**
 * Identity and shape of a loaded model. Stored vectors record {@link #id()} and {@link #version()};
 * an index refuses vectors of another model.
 *
 * @param id stable model id, e.g. {@code mobilenet_v2_1.0_224}
 * @param version version of the weights, e.g. a checksum prefix of the weight file
 * @param dimension embedding length
 * @param inputWidth width the model sees, in pixels
 * @param inputHeight height the model sees, in pixels
 * @param featureMaps whether {@link EmbeddingModel#featureMaps} is supported
 * @param engine the engine that runs it, e.g. {@code OnnxRuntime 1.21.1}
 * @param device where it runs, e.g. {@code cpu} or {@code gpu(0)}
 */
public record ModelInfo(
    String id,
    String version,
    int dimension,
    int inputWidth,
    int inputHeight,
    boolean featureMaps,
    String engine,
    String device) {

  /** Validates. */
  public ModelInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(device, "device");
    if (dimension <= 0 || inputWidth <= 0 || inputHeight <= 0) {
      throw new IllegalArgumentException("dimension and input size must be positive");
    }
  }
}
