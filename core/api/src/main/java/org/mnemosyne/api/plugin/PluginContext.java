package org.mnemosyne.api.plugin;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the host gives a provider when it creates its heavy objects: configuration, a private data
 * directory and a logger. Implementations are immutable and thread-safe.
 */
public interface PluginContext {

  /**
   * The configuration value for {@code key}, resolved by the host with its documented precedence
   * (system properties, environment, properties file, defaults). Plugins should use keys under
   * {@code mnemosyne.plugin.<name>.}.
   */
  Optional<String> config(String key);

  /** All configuration entries whose key starts with {@code prefix}, prefix included. */
  Map<String, String> configWithPrefix(String prefix);

  /**
   * A directory owned by this provider for caches and files (created on first call), under the
   * host's data directory.
   */
  Path dataDirectory();

  /**
   * The directory of the sample data and default model shipped beside Mnemosyne (the {@code
   * shared/data} folder), which a model provider may use as its default model location.
   */
  Path sharedDataDirectory();

  /** A logger named after the provider. */
  System.Logger logger();
}
