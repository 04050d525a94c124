package org.mnemosyne.model.djl;

import java.util.EnumMap;
import java.util.Map;

/**
 * Model outputs copied to the heap (no native memory outlives a call): for each requested kind, one
 * flat array per image plus the per-image shape.
 *
 * @param values per kind, {@code [image][flat values]}
 * @param shapes per kind, the shape of one image's output (e.g. {@code [1280, 7, 7]})
 */
record ModelOutput(Map<Kind, float[][]> values, Map<Kind, long[]> shapes) {

  /** The outputs of the supported CNNs, with their ONNX names and TorchScript positions. */
  enum Kind {
    /** Class scores [N, classes]. */
    LOGITS("logits", 0),
    /** Pooled embedding [N, D]. */
    EMBEDDING("embedding", 1),
    /** Last convolutional features [N, D, h, w]. */
    FEATURES("features", 2),
    /** Class activation maps [N, classes, h, w]. */
    CLASS_MAPS("class_maps", 3);

    final String onnxName;
    final int position;

    Kind(String onnxName, int position) {
      this.onnxName = onnxName;
      this.position = position;
    }
  }

  static ModelOutput empty() {
    return new ModelOutput(new EnumMap<>(Kind.class), new EnumMap<>(Kind.class));
  }

  float[][] get(Kind kind) {
    return values.get(kind);
  }

  long[] shape(Kind kind) {
    return shapes.get(kind);
  }
}
