package org.mnemosyne.web.zoom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.web.search.ImageService;
import org.mnemosyne.web.search.ImageSource;

/**
 * Deep-zoom pyramids of images, built lazily, once per image content, into {@code
 * <derivatives>/<sha-256>-zoom/} beside the other derivatives.
 *
 * <p>The layout is Deep Zoom (DZI) rather than a IIIF Image API level-0 tile set: a DZI descriptor
 * names no absolute URL (IIIF's {@code info.json} must carry its own {@code id}, which depends on
 * the host and proxy a visitor came through), its tiles are addressed relative to the descriptor,
 * and OpenSeadragon reads it natively, so the same files serve every host. Items whose source has a
 * IIIF Image service may still be viewed from that service directly (see {@code ZoomView}).
 *
 * <p>Work is bounded: a build decodes the image once (with the decoder's pixel limit), at most
 * {@value #PARALLEL_BUILDS} builds run at a time, and concurrent requests for the same image wait
 * for the one build rather than repeat it. A pyramid is written to a temporary directory and moved
 * into place whole, so a reader sees all of it or none. Thread-safe.
 */
@ApplicationScoped
public class DeepZoomService {
  /** Builds that may run at once (each holds one decoded image in memory). */
  static final int PARALLEL_BUILDS = 2;

  @Inject ImageService images;

  private final ImageDecoder decoder = new ImageDecoder();
  private final ConcurrentHashMap<String, Object> building = new ConcurrentHashMap<>();
  private final Semaphore builds = new Semaphore(PARALLEL_BUILDS, true);

  /** The DZI descriptor of an image's pyramid, building the pyramid on first use. */
  public Path descriptor(ImageSource source) {
    return pyramid(source).resolve(PyramidWriter.DESCRIPTOR);
  }

  /**
   * A tile of an image's pyramid, building the pyramid on first use.
   *
   * @return the tile file, or empty if the pyramid has no such tile
   */
  public Optional<Path> tile(ImageSource source, int level, int column, int row) {
    if (level < 0 || column < 0 || row < 0) {
      return Optional.empty();
    }
    Path file =
        pyramid(source)
            .resolve(Integer.toString(level))
            .resolve(PyramidWriter.tileName(column, row));
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** The directory of an image's pyramid, complete; built now if it is not there yet. */
  Path pyramid(ImageSource source) {
    Path dir = images.derivativesDir().resolve(source.hash() + "-zoom");
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Object lock = building.computeIfAbsent(source.hash(), h -> new Object());
    try {
      synchronized (lock) {
        if (!Files.isDirectory(dir)) {
          build(source, dir);
        }
      }
    } finally {
      building.remove(source.hash(), lock);
    }
    return dir;
  }

  private void build(ImageSource source, Path dir) {
    try {
      builds.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to build a pyramid", e);
    }
    Path tmp = null;
    try {
      BufferedImage image = decoder.decode(source.bytes().get());
      Files.createDirectories(dir.getParent());
      tmp = Files.createTempDirectory(dir.getParent(), source.hash() + "-zoom-tmp");
      PyramidWriter.write(image, tmp);
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        tmp = null;
      } catch (FileAlreadyExistsException e) {
        // another process built it meanwhile: theirs is as good
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pyramid of " + source.hash(), e);
    } finally {
      builds.release();
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless: its name never matches a pyramid
    }
  }
}
