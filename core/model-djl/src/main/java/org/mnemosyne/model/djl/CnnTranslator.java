package org.mnemosyne.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Moves a {@link ModelBatch} into the engine and copies the requested outputs back to the heap.
 * Outputs are found by ONNX name, or by position for TorchScript (which has no names). All native
 * arrays belong to the call's context manager, which DJL closes after the call.
 */
final class CnnTranslator implements Translator<ModelBatch, ModelOutput> {

  @Override
  public NDList processInput(TranslatorContext ctx, ModelBatch input) {
    NDArray x =
        ctx.getNDManager()
            .create(input.data(), new Shape(input.size(), 3, input.side(), input.side()));
    x.setName("input");
    ctx.setAttachment("batch", input);
    return new NDList(x);
  }

  @Override
  public ModelOutput processOutput(TranslatorContext ctx, NDList list) throws TranslateException {
    ModelBatch batch = (ModelBatch) ctx.getAttachment("batch");
    Map<ModelOutput.Kind, float[][]> values = new EnumMap<>(ModelOutput.Kind.class);
    Map<ModelOutput.Kind, long[]> shapes = new EnumMap<>(ModelOutput.Kind.class);
    for (ModelOutput.Kind kind : batch.outputs()) {
      NDArray out = output(list, kind);
      long[] shape = out.getShape().getShape();
      if (shape.length < 2 || shape[0] != batch.size()) {
        throw new TranslateException(
            "model output '"
                + kind.onnxName
                + "' has shape "
                + Arrays.toString(shape)
                + ", expected ["
                + batch.size()
                + ", ...]");
      }
      long[] perImage = Arrays.copyOfRange(shape, 1, shape.length);
      int each = (int) Arrays.stream(perImage).reduce(1, (a, b) -> a * b);
      float[] flat = out.toFloatArray();
      float[][] split = new float[batch.size()][each];
      for (int i = 0; i < batch.size(); i++) {
        System.arraycopy(flat, i * each, split[i], 0, each);
      }
      values.put(kind, split);
      shapes.put(kind, perImage);
    }
    return new ModelOutput(values, shapes);
  }

  private static NDArray output(NDList list, ModelOutput.Kind kind) throws TranslateException {
    NDArray byName = list.get(kind.onnxName);
    if (byName != null) {
      return byName;
    }
    if (kind.position < list.size() && list.get(kind.position).getName() == null) {
      return list.get(kind.position); // TorchScript: unnamed outputs in the documented order
    }
    throw new TranslateException(
        "the model has no output '" + kind.onnxName + "' (outputs: " + names(list) + ")");
  }

  private static String names(NDList list) {
    StringBuilder sb = new StringBuilder();
    for (NDArray a : list) {
      sb.append(sb.length() == 0 ? "" : ", ").append(a.getName()).append(a.getShape());
    }
    return sb.toString();
  }

  @Override
  public Batchifier getBatchifier() {
    return null; // inputs are already batched
  }

  static Set<ModelOutput.Kind> only(ModelOutput.Kind... kinds) {
    return Set.of(kinds);
  }
}
