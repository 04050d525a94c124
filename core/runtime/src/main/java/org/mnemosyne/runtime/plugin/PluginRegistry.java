package org.mnemosyne.runtime.plugin;

import java.util.List;
import java.util.Optional;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.plugin.PluginKind;
import org.mnemosyne.api.plugin.PluginProvider;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;

/**
 * Every provider the application can use, discovered once.
 *
 * <p>Discovery policy: first the application's class path (the given class loader: inside the
 * server, the web application's loader, never the system loader), then every {@code *.jar} in the
 * plugins directory in file-name order, each in its own {@link URLClassLoader} whose parent is the
 * loader of the plugin API, so a plugin sees the API but not other plugins. A jar that is not a
 * jar, a provider whose constructor throws, a provider built against another {@link
 * PluginApi#VERSION}, or an invalid name is reported as a {@link PluginProblem} and skipped; it
 * never stops the others. Two built-in providers with the same kind and name are a broken build and
 * fail the load; a plugin that reuses a name already taken is refused with a problem naming both.
 * Providers are only instantiated (cheap); their heavy objects are created by the caller with
 * {@link #contextFor(ProviderEntry)}.
 *
 * <p>Plugin class loaders stay open for the registry's lifetime: classes that load lazily need
 * them. Immutable and thread-safe after {@link #load}.
 */
public interface PluginRegistry {

  /**
   * Discovers providers on {@code appLoader} and in {@link DataLayout#pluginsDir()}.
   *
   * @throws DuplicateProviderException if two built-in providers share a kind and name
   */
  static PluginRegistry load(ClassLoader appLoader, MnemosyneConfig config, DataLayout layout) {
    return ServiceLoaderPluginRegistry.load(appLoader, config, layout);
  }

  /** Every discovered provider, built-ins first. */
  List<ProviderEntry> entries();

  /** The providers of one kind, in discovery order. */
  <P extends PluginProvider> List<P> providers(Class<P> type);

  /** The entries of one kind, in discovery order. */
  List<ProviderEntry> entries(PluginKind kind);

  /** The provider of a type with that name, if discovered. */
  <P extends PluginProvider> Optional<P> provider(Class<P> type, String name);

  /**
   * The provider of a type with that name.
   *
   * @throws IllegalArgumentException naming the known providers if there is none
   */
  <P extends PluginProvider> P require(Class<P> type, String name);

  /**
   * The entry of a provider instance.
   *
   * @throws IllegalArgumentException if the provider is not from this registry
   */
  ProviderEntry entryOf(PluginProvider provider);

  /** Jars and providers that were skipped, with reasons. */
  List<PluginProblem> problems();

  /** The context to hand to a provider when creating its heavy objects. */
  PluginContext contextFor(ProviderEntry entry);

  /** The context for a provider instance of this registry. */
  PluginContext contextFor(PluginProvider provider);

  /** The data layout the registry was loaded with. */
  DataLayout layout();
}
