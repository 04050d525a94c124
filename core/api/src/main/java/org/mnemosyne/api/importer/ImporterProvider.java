package org.mnemosyne.api.importer;

import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.plugin.PluginKind;
import org.mnemosyne.api.plugin.PluginProvider;

/**
 * Provides an {@link Importer}. Register implementations in {@code
 * META-INF/services/org.mnemosyne.api.importer.ImporterProvider}.
 */
public interface ImporterProvider extends PluginProvider {

  @Override
  default PluginKind kind() {
    return PluginKind.IMPORTER;
  }

  /** Whether this importer can read the source (by scheme, extension or a quick peek). */
  boolean accepts(ImportSource source);

  /** Creates the importer. */
  Importer create(PluginContext context);
}
