package org.mnemosyne.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mnemosyne.runtime.config.ConfigKey;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import picocli.CommandLine.Option;

/**
 * Options shared by the subcommands; each overrides one configuration key (command line beats
 * system properties, environment and the properties file).
 */
final class CommonOptions {
  @Option(names = "--home", description = "Mnemosyne's data directory (default ~/.mnemosyne).")
  Path home;

  @Option(
      names = "--plugins-dir",
      description = "Directory of plugin jars (default <home>/plugins).")
  Path pluginsDir;

  @Option(
      names = "--model-dir",
      description = "Model directory (default: the shipped MobileNetV2).")
  Path modelDir;

  @Option(names = "--shared-dir", description = "The shared folder with sample data and models.")
  Path sharedDir;

  /** The resolved configuration with these options applied. */
  MnemosyneConfig config() {
    Map<String, String> o = new LinkedHashMap<>();
    put(o, ConfigKey.HOME, home);
    put(o, ConfigKey.PLUGINS_DIR, pluginsDir);
    put(o, ConfigKey.MODEL_DIR, modelDir);
    put(o, ConfigKey.SHARED_DIR, sharedDir);
    if (home != null) {
      // The properties file lives under home: re-read with home from the command line.
      Map<String, String> sys = new LinkedHashMap<>();
      System.getProperties().stringPropertyNames().forEach(k -> sys.put(k, System.getProperty(k)));
      sys.put(ConfigKey.HOME.key(), home.toString());
      return MnemosyneConfig.from(sys, System.getenv()).with(o);
    }
    return MnemosyneConfig.load().with(o);
  }

  private static void put(Map<String, String> o, ConfigKey key, Object value) {
    if (value != null) {
      o.put(key.key(), value.toString());
    }
  }
}
