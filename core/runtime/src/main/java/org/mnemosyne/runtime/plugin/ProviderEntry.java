package org.mnemosyne.runtime.plugin;

import java.util.Objects;
import java.util.Set;
import org.mnemosyne.api.plugin.PluginKind;
import org.mnemosyne.api.plugin.PluginProvider;

/**
 * A discovered provider with the cheap facts about it, read once at discovery.
 *
 * @param provider the provider instance (one per application)
 * @param kind its extension point
 * @param name its unique name within the kind
 * @param version its version
 * @param description its one-sentence description
 * @param capabilities its capability tags
 * @param origin built-in or the jar it came from
 */
public record ProviderEntry(
    PluginProvider provider,
    PluginKind kind,
    String name,
    String version,
    String description,
    Set<String> capabilities,
    PluginOrigin origin) {

  /** Validates and copies. */
  public ProviderEntry {
    Objects.requireNonNull(provider, "provider");
    capabilities = Set.copyOf(capabilities);
  }
}
