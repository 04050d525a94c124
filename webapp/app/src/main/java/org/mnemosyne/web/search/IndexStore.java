package org.mnemosyne.web.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.plugin.PluginContext;

/**
 * The portal's saved indexes: one file per model version and index provider in the index folder
 * ({@code <home>/index}), named {@code <model>@<version>.<provider>.idx}, and beside it the
 * database fingerprint it was built from ({@code .fingerprint}, written last). A restart opens the
 * file instead of rebuilding when the database has not changed since; switching to another model
 * and back reopens that model's own index. A file that does not open (corrupt, another provider
 * version, model or dimension: the provider's header check) or belongs to an older database state
 * is not used: the index is rebuilt from the database, the source of truth, and saved again.
 */
final class IndexStore {
  private static final Logger LOG = Logger.getLogger(IndexStore.class.getName());

  private final Path dir;

  /** Saves under {@code dir} (created when the first index is saved). */
  IndexStore(Path dir) {
    this.dir = dir;
  }

  /** The index file of a model version and provider. */
  Path file(String provider, String modelId, String modelVersion) {
    return dir.resolve(safe(modelId) + "@" + safe(modelVersion) + "." + safe(provider) + ".idx");
  }

  private Path fingerprintFile(Path index) {
    return index.resolveSibling(index.getFileName() + ".fingerprint");
  }

  /**
   * Opens the saved index of this model version and provider if it was built from exactly this
   * database fingerprint; otherwise, or if the provider refuses the file (the log says why), empty.
   */
  Optional<ConditionalIndex> load(
      IndexProvider provider,
      PluginContext context,
      String modelId,
      String modelVersion,
      int dimension,
      String fingerprint) {
    Path file = file(provider.name(), modelId, modelVersion);
    Path stamp = fingerprintFile(file);
    try {
      if (!Files.isRegularFile(file) || !Files.isRegularFile(stamp)) {
        return Optional.empty();
      }
      if (!Files.readString(stamp, StandardCharsets.UTF_8).equals(fingerprint)) {
        LOG.info(() -> "saved index " + file + " is older than the database; rebuilding");
        return Optional.empty();
      }
      return Optional.of(provider.load(context, file, modelId, dimension));
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "saved index "
              + file
              + " refused ("
              + e.getMessage()
              + "); rebuilding from the database");
      return Optional.empty();
    }
  }

  /**
   * Saves an index built from {@code fingerprint}, replacing the previous file of its model version
   * and provider. A failure is logged and costs only the next start's rebuild.
   */
  void save(
      ConditionalIndex index,
      String provider,
      String modelId,
      String modelVersion,
      String fingerprint) {
    Path file = file(provider, modelId, modelVersion);
    Path stamp = fingerprintFile(file);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(stamp); // the old stamp must not vouch for a half-written file
      index.save(tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(stamp, fingerprint, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not save the index to " + file + ": " + e.getMessage(), e);
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // nothing more to lose
      }
    }
  }

  /** A name part of letters, digits, dot, dash and underscore only. */
  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
