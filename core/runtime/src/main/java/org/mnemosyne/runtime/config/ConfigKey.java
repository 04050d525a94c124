package org.mnemosyne.runtime.config;

import java.util.Locale;

/**
 * The documented configuration keys. Each key is also read from the environment under its
 * MicroProfile Config name: upper case, every non-alphanumeric character replaced by {@code _}
 * (e.g. {@code mnemosyne.db.url} → {@code MNEMOSYNE_DB_URL}).
 */
public enum ConfigKey {
  /** Root of Mnemosyne's own data; default {@code ~/.mnemosyne}. */
  HOME("mnemosyne.home"),
  /** Directory scanned for plugin jars; default {@code <home>/plugins}. */
  PLUGINS_DIR("mnemosyne.plugins.dir"),
  /**
   * The shared folder with sample data and the default model; default: found beside the checkout.
   */
  SHARED_DIR("mnemosyne.shared.dir"),
  /** The model directory; default {@code <shared>/data/models/mobilenet_v2_1.0_224}. */
  MODEL_DIR("mnemosyne.model.dir"),
  /** The embedding model provider to use; default {@code djl}. */
  MODEL_PROVIDER("mnemosyne.model.provider"),
  /** Model engine for the DJL provider: {@code onnx} (default) or {@code pytorch}. */
  MODEL_ENGINE("mnemosyne.model.engine"),
  /** Device: {@code auto} (default), {@code cpu} or {@code gpu}. */
  MODEL_DEVICE("mnemosyne.model.device"),
  /**
   * The index provider the portal searches with; default {@code bounded-scan} (exact, the fastest
   * measured here).
   */
  INDEX_PROVIDER("mnemosyne.index.provider"),
  /** JDBC URL of an external PostgreSQL; unset means the embedded server. */
  DB_URL("mnemosyne.db.url"),
  /** Database user; default {@code mnemosyne} (embedded: {@code postgres}). */
  DB_USER("mnemosyne.db.user"),
  /** Database password. */
  DB_PASSWORD("mnemosyne.db.password"),
  /** Port of the embedded PostgreSQL; default 55432. */
  DB_EMBEDDED_PORT("mnemosyne.db.embedded.port"),
  /** HTTP port of the portal; default 8080. */
  HTTP_PORT("mnemosyne.http.port"),
  /** Address the portal binds to; default {@code 127.0.0.1}. */
  HTTP_HOST("mnemosyne.http.host");

  private final String key;

  ConfigKey(String key) {
    this.key = key;
  }

  /** The property name, e.g. {@code mnemosyne.db.url}. */
  public String key() {
    return key;
  }

  /** The environment variable name, e.g. {@code MNEMOSYNE_DB_URL}. */
  public String environmentName() {
    return environmentName(key);
  }

  /** The MicroProfile Config environment name of any key. */
  public static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}
