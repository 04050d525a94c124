package org.mnemosyne.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Resolves configuration with one documented precedence, highest first:
 *
 * <ol>
 *   <li>Java system properties ({@code -Dmnemosyne.db.url=...});
 *   <li>environment variables under their MicroProfile Config names ({@code MNEMOSYNE_DB_URL});
 *   <li>the properties file {@code <home>/mnemosyne.properties}, where home is {@code
 *       mnemosyne.home} from the two sources above or {@code ~/.mnemosyne};
 *   <li>built-in defaults (see {@link ConfigKey}).
 * </ol>
 *
 * Immutable and thread-safe; the sources are read once, when the config is created.
 */
public final class MnemosyneConfig {
  private final Map<String, ConfigValue> values;

  private MnemosyneConfig(Map<String, ConfigValue> values) {
    this.values = values;
  }

  /** Reads the process's system properties, environment and properties file. */
  public static MnemosyneConfig load() {
    return from(asMap(System.getProperties()), System.getenv());
  }

  /**
   * Resolves from explicit sources (for tests and for the launcher, which adds its command-line
   * options as system properties).
   */
  public static MnemosyneConfig from(
      Map<String, String> systemProperties, Map<String, String> environment) {
    Map<String, ConfigValue> resolved = new LinkedHashMap<>();
    Path home =
        Path.of(
            first(systemProperties, environment, ConfigKey.HOME.key())
                .orElse(System.getProperty("user.home") + "/.mnemosyne"));
    Path file = home.resolve("mnemosyne.properties");
    if (Files.isRegularFile(file)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalStateException(
            "cannot read configuration file " + file + ": " + e.getMessage() + "; fix or remove it",
            e);
      }
      asMap(p).forEach((k, v) -> resolved.put(k, new ConfigValue(k, v.trim(), "file " + file)));
    }
    for (var e : environment.entrySet()) {
      String key = keyForEnvironment(e.getKey());
      if (key != null) {
        resolved.put(key, new ConfigValue(key, e.getValue(), "environment variable " + e.getKey()));
      }
    }
    for (var e : systemProperties.entrySet()) {
      if (e.getKey().startsWith("mnemosyne.")) {
        resolved.put(
            e.getKey(), new ConfigValue(e.getKey(), e.getValue(), "system property " + e.getKey()));
      }
    }
    resolved.putIfAbsent(
        ConfigKey.HOME.key(), new ConfigValue(ConfigKey.HOME.key(), home.toString(), "default"));
    return new MnemosyneConfig(java.util.Collections.unmodifiableMap(resolved));
  }

  /** A config with exactly these values (tests). */
  public static MnemosyneConfig of(Map<String, String> values) {
    Map<String, ConfigValue> resolved = new LinkedHashMap<>();
    values.forEach((k, v) -> resolved.put(k, new ConfigValue(k, v, "given")));
    return new MnemosyneConfig(resolved);
  }

  /** The value of a key, if set (blank counts as unset). */
  public Optional<String> get(String key) {
    return value(key).map(ConfigValue::value);
  }

  /** The value of a documented key, if set. */
  public Optional<String> get(ConfigKey key) {
    return get(key.key());
  }

  /** The value with its source, if set. */
  public Optional<ConfigValue> value(String key) {
    ConfigValue v = values.get(key);
    return v == null || v.value().isBlank() ? Optional.empty() : Optional.of(v);
  }

  /** The value of a documented key, or a default. */
  public String get(ConfigKey key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  /**
   * An integer setting.
   *
   * @throws IllegalStateException naming the key and its source if the value is not an integer
   */
  public int getInt(ConfigKey key, int defaultValue) {
    Optional<ConfigValue> v = value(key.key());
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.get().value().trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          key.key()
              + " must be an integer but is '"
              + v.get().value()
              + "' ("
              + v.get().source()
              + ")");
    }
  }

  /** Where a key's value comes from, for messages ({@code "not set"} if unset). */
  public String sourceOf(String key) {
    return value(key).map(ConfigValue::source).orElse("not set");
  }

  /** Every entry whose key starts with {@code prefix}, sorted by key. */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> out = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && !v.value().isBlank()) {
            out.put(k, v.value());
          }
        });
    return out;
  }

  /** A copy with some values overridden (the launcher's command-line options). */
  public MnemosyneConfig with(Map<String, String> overrides) {
    Map<String, ConfigValue> copy = new LinkedHashMap<>(values);
    overrides.forEach((k, v) -> copy.put(k, new ConfigValue(k, v, "command line")));
    return new MnemosyneConfig(java.util.Collections.unmodifiableMap(copy));
  }

  private static String keyForEnvironment(String name) {
    if (!name.startsWith("MNEMOSYNE_")) {
      return null;
    }
    for (ConfigKey k : ConfigKey.values()) {
      if (k.environmentName().equals(name)) {
        return k.key();
      }
    }
    // Undocumented keys (plugin settings): MNEMOSYNE_PLUGIN_X_Y -> mnemosyne.plugin.x.y
    return name.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
  }

  private static Optional<String> first(
      Map<String, String> sys, Map<String, String> env, String key) {
    String v = sys.get(key);
    if (v == null || v.isBlank()) {
      v = env.get(ConfigKey.environmentName(key));
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  private static Map<String, String> asMap(Properties p) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      m.put(name, p.getProperty(name));
    }
    return m;
  }
}
