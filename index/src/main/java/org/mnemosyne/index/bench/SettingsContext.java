package org.mnemosyne.index.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mnemosyne.api.plugin.PluginContext;

/**
 * A plugin context with some settings overridden: how the benchmark gives one provider several
 * configurations (e.g. Lucene's candidates) without touching the host's configuration.
 */
public final class SettingsContext implements PluginContext {
  private final PluginContext base;
  private final Map<String, String> overrides;

  /**
   * Wraps a context.
   *
   * @param base the host's context, or null for none (the temp directory is the data directory)
   * @param overrides full keys ({@code mnemosyne.plugin.<name>.<key>}) and values
   */
  public SettingsContext(PluginContext base, Map<String, String> overrides) {
    this.base = base;
    this.overrides = Map.copyOf(overrides);
  }

  @Override
  public Optional<String> config(String key) {
    if (overrides.containsKey(key)) {
      return Optional.of(overrides.get(key));
    }
    return base == null ? Optional.empty() : base.config(key);
  }

  @Override
  public Map<String, String> configWithPrefix(String prefix) {
    Map<String, String> out =
        new TreeMap<>(base == null ? Map.of() : base.configWithPrefix(prefix));
    overrides.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            out.put(k, v);
          }
        });
    return out;
  }

  @Override
  public Path dataDirectory() {
    return base == null ? Path.of(System.getProperty("java.io.tmpdir")) : base.dataDirectory();
  }

  @Override
  public Path sharedDataDirectory() {
    return base == null
        ? Path.of(System.getProperty("java.io.tmpdir"))
        : base.sharedDataDirectory();
  }

  @Override
  public System.Logger logger() {
    return base == null ? System.getLogger("mnemosyne.bench") : base.logger();
  }
}
