package org.mnemosyne.importers.csv;

import java.util.Set;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.importer.Importer;
import org.mnemosyne.api.importer.ImporterProvider;
import org.mnemosyne.api.plugin.PluginApi;
import org.mnemosyne.api.plugin.PluginContext;

/**
 * {@code csv}: a CSV file with a column mapping and a folder of images. Accepts a local {@code
 * .csv}/{@code .tsv} file or a folder that holds {@code metadata.csv}.
 */
public final class CsvImporterProvider implements ImporterProvider {
  /** Provider name. */
  public static final String NAME = "csv";

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
    return "CSV file (RFC 4180) with a column mapping (mnemosyne, met or a file) and an image folder";
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("csv", "column-mapping", "local");
  }

  @Override
  public int apiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public boolean accepts(ImportSource source) {
    return CsvImporter.csvFile(source).isPresent();
  }

  @Override
  public Importer create(PluginContext context) {
    return new CsvImporter();
  }
}
