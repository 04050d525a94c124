package org.mnemosyne.db.ingest;

import java.util.List;
import java.util.Optional;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.importer.ImporterProvider;

/**
 * Picks the importer for a source. A name given by the user wins (an unknown name is an error that
 * lists the known ones). Otherwise the providers that {@linkplain ImporterProvider#accepts accept}
 * the source are asked: exactly one specific importer is chosen; the plain {@code folder} importer
 * (which accepts any folder) only when no specific one does; two specific ones are ambiguous and
 * the user must choose. Stateless.
 */
final class ImporterSelector {
  /** The fallback importer's name. */
  static final String FALLBACK = "folder";

  private ImporterSelector() {}

  static ImporterProvider select(
      List<ImporterProvider> providers, ImportSource source, Optional<String> name) {
    List<String> names = providers.stream().map(ImporterProvider::name).toList();
    if (name.isPresent()) {
      return providers.stream()
          .filter(p -> p.name().equals(name.get()))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "no importer named '" + name.get() + "'; the importers are " + names));
    }
    List<ImporterProvider> accepting =
        providers.stream().filter(p -> safeAccepts(p, source)).toList();
    List<ImporterProvider> specific =
        accepting.stream().filter(p -> !p.name().equals(FALLBACK)).toList();
    if (specific.size() == 1) {
      return specific.get(0);
    }
    if (specific.size() > 1) {
      throw new IllegalArgumentException(
          "several importers can read "
              + source.location()
              + ": "
              + specific.stream().map(ImporterProvider::name).toList()
              + "; choose one by name");
    }
    return accepting.stream()
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no importer can read "
                        + source.location()
                        + " (is the path right?); the importers are "
                        + names));
  }

  private static boolean safeAccepts(ImporterProvider p, ImportSource source) {
    try {
      return p.accepts(source);
    } catch (RuntimeException e) {
      return false; // a broken plugin must not stop the others
    }
  }
}
