package org.mnemosyne.web;

import java.nio.file.Path;
import java.util.Map;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.EmbeddingModelProvider;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;

/**
 * The real model and plugin registry on the test's side (outside the server): imports the sample
 * collections before the server starts and computes reference answers. Opened once per run.
 */
final class LocalModel {
  static final Path SHARED =
      Path.of(System.getProperty("mnemosyne.shared.dir")).toAbsolutePath().normalize();

  private static PluginRegistry registry;
  private static EmbeddingModel model;

  private LocalModel() {}

  static synchronized PluginRegistry registry() {
    if (registry == null) {
      MnemosyneConfig config =
          MnemosyneConfig.of(
              Map.of(
                  "mnemosyne.home",
                  System.getProperty("java.io.tmpdir") + "/mnemosyne-it-local",
                  "mnemosyne.shared.dir",
                  SHARED.toString()));
      registry =
          PluginRegistry.load(LocalModel.class.getClassLoader(), config, DataLayout.from(config));
    }
    return registry;
  }

  static synchronized EmbeddingModel model() {
    if (model == null) {
      EmbeddingModelProvider p = registry().require(EmbeddingModelProvider.class, "djl");
      model = p.open(registry().contextFor(p));
      Runtime.getRuntime().addShutdownHook(new Thread(model::close));
    }
    return model;
  }
}
