package org.mnemosyne.api.model;

import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.plugin.PluginKind;
import org.mnemosyne.api.plugin.PluginProvider;

/**
 * Provides an {@link EmbeddingModel}. Register implementations in {@code
 * META-INF/services/org.mnemosyne.api.model.EmbeddingModelProvider}.
 *
 * <p>Capability tags: {@code feature-maps} when the model offers grey-box spatial features.
 */
public interface EmbeddingModelProvider extends PluginProvider {

  @Override
  default PluginKind kind() {
    return PluginKind.MODEL;
  }

  /**
   * Loads the model. Expensive (reads weights, loads native engines): the host calls it once and
   * shares the result. Where the weights live and which device runs them come from {@code
   * context}'s configuration; nothing may be downloaded.
   *
   * @throws org.mnemosyne.api.plugin.PluginException if the model cannot be loaded; the message
   *     names the missing file or setting
   */
  EmbeddingModel open(PluginContext context);
}
