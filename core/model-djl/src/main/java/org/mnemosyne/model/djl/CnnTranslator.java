package org.mnemosyne.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Moves a {@link ModelBatch} into the engine and copies the {@code embedding} and {@code features}
 * outputs back to the heap. All native arrays belong to the call's context manager, which DJL
 * closes after the call.
 */
final class CnnTranslator implements Translator<ModelBatch, ModelOutput> {

  @Override
  public NDList processInput(TranslatorContext ctx, ModelBatch input) {
    NDArray x = ctx.getNDManager().create(input.data(), new Shape(input.size(), 3, 224, 224));
    x.setName("input");
    ctx.setAttachment("wantFeatures", input.wantFeatures());
    ctx.setAttachment("size", input.size());
    return new NDList(x);
  }

  @Override
  public ModelOutput processOutput(TranslatorContext ctx, NDList list) {
    int n = (Integer) ctx.getAttachment("size");
    NDArray embedding = output(list, "embedding", 1);
    int d = (int) embedding.getShape().get(1);
    float[] flat = embedding.toFloatArray();
    float[][] embeddings = new float[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * d, embeddings[i], 0, d);
    }
    if (!(Boolean) ctx.getAttachment("wantFeatures")) {
      return new ModelOutput(embeddings, null, 0, 0, 0);
    }
    NDArray features = output(list, "features", 2);
    Shape s = features.getShape();
    int c = (int) s.get(1);
    int h = (int) s.get(2);
    int w = (int) s.get(3);
    float[] all = features.toFloatArray();
    float[][] maps = new float[n][c * h * w];
    for (int i = 0; i < n; i++) {
      System.arraycopy(all, i * c * h * w, maps[i], 0, c * h * w);
    }
    return new ModelOutput(embeddings, maps, c, h, w);
  }

  private static NDArray output(NDList list, String name, int position) {
    NDArray byName = list.get(name);
    return byName != null ? byName : list.get(position);
  }

  @Override
  public Batchifier getBatchifier() {
    return null; // inputs are already batched
  }
}
