package org.mnemosyne.importers.folder;

import java.util.Set;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.importer.Importer;
import org.mnemosyne.api.importer.ImporterProvider;
import org.mnemosyne.api.plugin.PluginApi;
import org.mnemosyne.api.plugin.PluginContext;

/** {@code folder}: a plain folder of images, with no metadata beyond the file names. */
public final class FolderImporterProvider implements ImporterProvider {
  /** Provider name. */
  public static final String NAME = "folder";

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
    return "Plain folder of images (jpg, png, gif, bmp, tiff); ids are the relative paths";
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("local");
  }

  @Override
  public int apiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public boolean accepts(ImportSource source) {
    return FolderImporter.folder(source).isPresent();
  }

  @Override
  public Importer create(PluginContext context) {
    return new FolderImporter();
  }
}
