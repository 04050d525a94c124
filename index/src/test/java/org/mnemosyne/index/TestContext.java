package org.mnemosyne.index;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mnemosyne.api.plugin.PluginContext;

/** A plugin context with fixed configuration. */
public record TestContext(Map<String, String> config) implements PluginContext {

  @Override
  public Optional<String> config(String key) {
    return Optional.ofNullable(config.get(key));
  }

  @Override
  public Map<String, String> configWithPrefix(String prefix) {
    Map<String, String> out = new TreeMap<>();
    config.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            out.put(k, v);
          }
        });
    return out;
  }

  @Override
  public Path dataDirectory() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  @Override
  public Path sharedDataDirectory() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  @Override
  public System.Logger logger() {
    return System.getLogger("test");
  }
}
