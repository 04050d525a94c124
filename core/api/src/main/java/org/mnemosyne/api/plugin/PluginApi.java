package org.mnemosyne.api.plugin;

/**
 * The version of this plugin API. A provider compiled against the API returns {@link #VERSION} from
 * {@link PluginProvider#apiVersion()}; because the constant is inlined at compile time, the value
 * records the API the plugin was <em>built</em> against. The registry refuses a provider whose
 * version differs from the host's, with a message naming both.
 *
 * <p>The version changes whenever a change to this API could break a compiled plugin.
 */
public final class PluginApi {
  /** The current plugin-API version. */
  public static final int VERSION = 1;

  private PluginApi() {}
}
