package org.mnemosyne.db.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.EmbeddingModelProvider;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;

/** The real plugin registry (built-in importers, the DJL model) and the shipped MobileNetV2. */
public final class TestModel {
  /** The shared sample data folder. */
  public static final Path DATA =
      Path.of(System.getProperty("mnemosyne.shared.dir"), "data").normalize();

  private static PluginRegistry registry;
  private static EmbeddingModel model;

  private TestModel() {}

  /** The registry (loaded once per JVM). */
  public static synchronized PluginRegistry registry() {
    if (registry == null) {
      try {
        Path home = Files.createTempDirectory("mnemosyne-test-home");
        MnemosyneConfig config =
            MnemosyneConfig.of(
                Map.of(
                    "mnemosyne.home", home.toString(),
                    "mnemosyne.shared.dir", System.getProperty("mnemosyne.shared.dir")));
        registry =
            PluginRegistry.load(TestModel.class.getClassLoader(), config, DataLayout.from(config));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return registry;
  }

  /** The model (opened once per JVM, closed at exit). */
  public static synchronized EmbeddingModel model() {
    if (model == null) {
      EmbeddingModelProvider p = registry().require(EmbeddingModelProvider.class, "djl");
      model = p.open(registry().contextFor(p));
      EmbeddingModel m = model;
      Runtime.getRuntime().addShutdownHook(new Thread(m::close, "test-model-close"));
    }
    return model;
  }
}
