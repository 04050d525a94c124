package org.mnemosyne.importers.iiif;

import java.util.Set;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.importer.Importer;
import org.mnemosyne.api.importer.ImporterProvider;
import org.mnemosyne.api.plugin.PluginApi;
import org.mnemosyne.api.plugin.PluginContext;

/**
 * {@code iiif}: IIIF Presentation 2 and 3 manifests and collections, from an {@code http(s)} URL or
 * a local {@code .json} file.
 */
public final class IiifImporterProvider implements ImporterProvider {
  /** Provider name. */
  public static final String NAME = "iiif";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  @Override
  public String description() {
    return "IIIF Presentation 2 and 3 manifests and collections (URL or file), images via IIIF Image services";
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("iiif", "presentation-2", "presentation-3", "remote");
  }

  @Override
  public int apiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public boolean accepts(ImportSource source) {
    return IiifImporter.isIiifLocation(source);
  }

  @Override
  public Importer create(PluginContext context) {
    return new IiifImporter();
  }
}
