package org.mnemosyne.runtime.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the {@code shared/} folder (sample data and default model) that lives beside a checkout:
 * the first ancestor, of the working directory or of this class's jar, that has a {@code
 * shared/data} subfolder.
 */
final class SharedDirectoryLocator {
  private SharedDirectoryLocator() {}

  static Optional<Path> locate() {
    Optional<Path> fromCwd = search(Path.of("").toAbsolutePath());
    if (fromCwd.isPresent()) {
      return fromCwd;
    }
    try {
      var source = SharedDirectoryLocator.class.getProtectionDomain().getCodeSource();
      if (source != null && "file".equals(source.getLocation().getProtocol())) {
        return search(Path.of(source.getLocation().toURI()));
      }
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      // No usable code source (e.g. inside an application server): not found.
    }
    return Optional.empty();
  }

  static Optional<Path> search(Path start) {
    for (Path p = start; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared");
      if (Files.isDirectory(candidate.resolve("data"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
