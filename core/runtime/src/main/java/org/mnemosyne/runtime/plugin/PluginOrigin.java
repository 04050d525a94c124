package org.mnemosyne.runtime.plugin;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a provider was found.
 *
 * @param jar the plugin jar, or empty for the application's class path (built-in)
 */
public record PluginOrigin(Optional<Path> jar) {
  /** The application's own class path. */
  public static final PluginOrigin CLASS_PATH = new PluginOrigin(Optional.empty());

  /** A plugin jar. */
  public static PluginOrigin jar(Path jar) {
    return new PluginOrigin(Optional.of(jar));
  }

  /** Whether the provider ships with the application. */
  public boolean builtIn() {
    return jar.isEmpty();
  }

  @Override
  public String toString() {
    return jar.map(j -> "plugin jar " + j.getFileName()).orElse("built-in");
  }
}
