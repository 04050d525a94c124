package org.mnemosyne.api.importer;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where to import from and how.
 *
 * @param location a file, folder or URL ({@code file:}, {@code https:})
 * @param options importer-specific options, e.g. a column mapping name; sorted copy
 */
public record ImportSource(URI location, Map<String, String> options) {

  /** Validates and copies. */
  public ImportSource {
    Objects.requireNonNull(location, "location");
    options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
  }
}
