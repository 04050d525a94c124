package org.mnemosyne.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;

/**
 * Produces the configuration (immutable values: {@code @Singleton}, no proxy), the data layout and
 * the {@link PluginRegistry} for injection. The registry is loaded once, with the web application's
 * class loader (never the system loader, which sees nothing of the WAR), and never fails the
 * application: broken plugins are listed in {@link PluginRegistry#problems()}.
 */
@ApplicationScoped
public class PlatformProducer {

  /** Configuration as resolved from system properties, environment and properties file. */
  @Produces
  @Singleton
  public MnemosyneConfig config() {
    return MnemosyneConfig.load();
  }

  /** The data layout (directories are created on first use). */
  @Produces
  @Singleton
  public DataLayout layout(MnemosyneConfig config) {
    return DataLayout.from(config).ensureCreated();
  }

  /** The plugin registry. */
  @Produces
  @ApplicationScoped
  public PluginRegistry registry(MnemosyneConfig config, DataLayout layout) {
    return PluginRegistry.load(PlatformProducer.class.getClassLoader(), config, layout);
  }
}
