package org.mnemosyne.importers.folder;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.mnemosyne.api.importer.ImageReference;
import org.mnemosyne.api.importer.ImportRecord;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.importer.Importer;
import org.mnemosyne.api.importer.RecordSink;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;

/**
 * Reads a plain folder of images: every file with an image extension ({@code jpg}, {@code jpeg},
 * {@code png}, {@code gif}, {@code bmp}, {@code tif}, {@code tiff}), in sub-folders too (option
 * {@code max-depth}, default 8; links are not followed), in path order. The source id is the path
 * relative to the folder with {@code /} separators, so it is stable across machines; the title is
 * the file name without extension, with {@code _} and {@code -} read as spaces. Hidden files are
 * skipped. Thread-safe: all state is local to {@link #read}.
 */
public final class FolderImporter implements Importer {
  /** File extensions read as images. */
  public static final Set<String> EXTENSIONS =
      Set.of("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff");

  /** Most files one folder import lists. */
  static final int MAX_FILES = 5_000_000;

  @Override
  public void read(
      ImportSource source,
      RecordSink sink,
      ProgressListener progress,
      CancellationToken cancellation)
      throws IOException {
    Path root =
        folder(source)
            .orElseThrow(() -> new IOException(source.location() + " is not a folder"))
            .toAbsolutePath()
            .normalize();
    int depth = Integer.parseInt(source.options().getOrDefault("max-depth", "8"));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root, depth, new FileVisitOption[0])) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> isImage(p) && !isHidden(root.relativize(p)))
              .sorted()
              .limit(MAX_FILES)
              .toList();
    }
    long done = 0;
    for (Path file : files) {
      cancellation.throwIfCancelled();
      String id = root.relativize(file).toString().replace('\\', '/');
      sink.accept(
          id,
          new ImportRecord(
              id,
              title(file),
              List.of(),
              null,
              null,
              null,
              null,
              List.of(),
              null,
              null,
              null,
              null,
              null,
              new ImageReference(ImageReference.Kind.FILE, file.toString()),
              Map.of()));
      progress.progress(++done, files.size(), id);
    }
  }

  static boolean isImage(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  static String title(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return stem.replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").strip();
  }

  /** The folder a source names, if it is a local folder. */
  static Optional<Path> folder(ImportSource source) {
    String scheme = source.location().getScheme();
    Path p;
    if (scheme == null) {
      p = Path.of(source.location().getPath());
    } else if (scheme.equalsIgnoreCase("file")) {
      p = Path.of(source.location());
    } else {
      return Optional.empty();
    }
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }
}
