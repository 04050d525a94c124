package org.mnemosyne.api.plugin;

import java.util.Set;

/**
 * The common contract of every provider found with {@link java.util.ServiceLoader}.
 *
 * <p>A provider is <em>cheap</em>: the public no-argument constructor and the methods of this
 * interface must not load models, open files, start threads or touch the network. Heavy objects are
 * created lazily by the kind-specific factory methods, which receive a {@link PluginContext}.
 * Providers are not CDI beans: nothing is injected into them.
 *
 * <p>Implementations must be thread-safe; the registry keeps one instance per provider for the
 * lifetime of the application.
 */
public interface PluginProvider {

  /**
   * The unique name of this provider within its {@link #kind()}, used in configuration, the API and
   * persisted data (e.g. {@code onnx-mobilenet-v2}, {@code kernel-shap}). Lower case letters,
   * digits and {@code -}. Two providers of the same kind with the same name are an error.
   */
  String name();

  /** The provider's own version (e.g. {@code 1.2.0}); recorded with everything it produces. */
  String version();

  /** One sentence for people: what this provider does. */
  String description();

  /** Which extension point this provider implements. */
  PluginKind kind();

  /**
   * Free-form capability tags shown in the UI and used for filtering, e.g. {@code joint}, {@code
   * grey-box}, {@code exact}. Never null.
   */
  default Set<String> capabilities() {
    return Set.of();
  }

  /**
   * The plugin-API version this provider was compiled against. Implement it as {@code return
   * PluginApi.VERSION;} in the plugin's own code, so that the constant is compiled into the plugin.
   */
  int apiVersion();
}
