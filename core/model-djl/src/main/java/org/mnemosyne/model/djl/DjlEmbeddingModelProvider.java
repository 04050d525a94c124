package org.mnemosyne.model.djl;

import java.util.Set;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.EmbeddingModelProvider;
import org.mnemosyne.api.plugin.PluginApi;
import org.mnemosyne.api.plugin.PluginContext;

/**
 * Provides {@link DjlEmbeddingModel}. Settings (see the README): {@code mnemosyne.model.dir} (a
 * directory holding {@code <name>.onnx} and/or {@code <name>.pt} with outputs {@code embedding} [N,
 * D] and {@code features} [N, D, h, w]), {@code mnemosyne.model.engine} ({@code onnx} or {@code
 * pytorch}), {@code mnemosyne.model.device} ({@code auto|cpu|gpu}), {@code
 * mnemosyne.model.predictors} (default: available processors), {@code
 * mnemosyne.model.intra-op-threads} (default 1).
 */
public final class DjlEmbeddingModelProvider implements EmbeddingModelProvider {

  @Override
  public String name() {
    return "djl";
  }

  @Override
  public String version() {
    return "0.1.0";
  }

  @Override
  public String description() {
    return "Image embeddings and spatial feature maps from a CNN, run by DJL (ONNX Runtime or"
        + " PyTorch), offline";
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("feature-maps", "onnx", "torchscript");
  }

  @Override
  public int apiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public EmbeddingModel open(PluginContext context) {
    return DjlEmbeddingModel.open(ModelSettings.from(context));
  }
}
