package org.mnemosyne.plugins.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.mnemosyne.api.plugin.PluginContext;

/**
 * The Lucene directory an open index works in: on the heap, or a fresh folder under the plugin's
 * data directory that is deleted when the index closes. Saved indexes are separate single files
 * ({@link IndexArchive}); this directory is working space only.
 *
 * @param directory the Lucene directory
 * @param folder the folder to delete on close, or null when on the heap
 */
record IndexStorage(Directory directory, Path folder) implements AutoCloseable {

  /**
   * Opens empty working space.
   *
   * @param context the host's context; required for {@link HnswSettings.Storage#DISK}
   * @throws IllegalArgumentException if disk storage is asked for without a context
   */
  static IndexStorage open(HnswSettings settings, PluginContext context) {
    if (settings.storage() == HnswSettings.Storage.MEMORY) {
      return new IndexStorage(new ByteBuffersDirectory(), null);
    }
    if (context == null) {
      throw new IllegalArgumentException("disk storage needs the host's plugin context");
    }
    Path folder = context.dataDirectory().resolve("open-" + UUID.randomUUID());
    try {
      Files.createDirectories(folder);
      return new IndexStorage(FSDirectory.open(folder), folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create index folder " + folder, e);
    }
  }

  /** Closes the directory and deletes the folder, if any. */
  @Override
  public void close() {
    try {
      directory.close();
      if (folder != null) {
        try (Stream<Path> files = Files.walk(folder)) {
          for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release index storage", e);
    }
  }
}
