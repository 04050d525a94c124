package org.mnemosyne.runtime.plugin;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;

/** The {@link PluginContext} the registry hands to one provider. Immutable. */
final class RegistryPluginContext implements PluginContext {
  private final MnemosyneConfig config;
  private final DataLayout layout;
  private final ProviderEntry entry;

  RegistryPluginContext(MnemosyneConfig config, DataLayout layout, ProviderEntry entry) {
    this.config = config;
    this.layout = layout;
    this.entry = entry;
  }

  @Override
  public Optional<String> config(String key) {
    return config.get(key);
  }

  @Override
  public Map<String, String> configWithPrefix(String prefix) {
    return config.withPrefix(prefix);
  }

  @Override
  public Path dataDirectory() {
    Path dir =
        layout.pluginDataDir(entry.kind().name().toLowerCase(java.util.Locale.ROOT), entry.name());
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create plugin data directory " + dir, e);
    }
    return dir;
  }

  @Override
  public Path sharedDataDirectory() {
    return layout
        .sampleDataDir()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the shared data folder was not found; set mnemosyne.shared.dir"));
  }

  @Override
  public System.Logger logger() {
    return System.getLogger("mnemosyne.plugin." + entry.name());
  }
}
