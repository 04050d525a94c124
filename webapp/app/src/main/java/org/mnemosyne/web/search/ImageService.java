package org.mnemosyne.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import org.mnemosyne.db.catalog.ItemRecord;
import org.mnemosyne.db.ingest.ImageFetcher;
import org.mnemosyne.db.ingest.ImageUnavailableException;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;
import org.mnemosyne.web.platform.Database;

/**
 * Images of items and uploads: the original bytes (for search by detail and explanations) and JPEG
 * derivatives — a thumbnail and a display size — generated once per image content and kept under
 * {@code <home>/cache/derivatives/<sha-256 of the image>-<size>.jpg}. A changed image has a new
 * hash and so new derivatives; names come from hashes only, never from a request. Other derived
 * files (the deep-zoom pyramids) live in the same {@link #derivativesDir() directory}, named the
 * same way. Thread-safe.
 */
@ApplicationScoped
public class ImageService {
  /** Sizes of derivatives. */
  public enum Size {
    /** For result grids: longer side 320 px. */
    THUMB(320),
    /** For the viewer: longer side 1600 px. */
    DISPLAY(1600);

    private final int maxSide;

    Size(int maxSide) {
      this.maxSide = maxSide;
    }

    /** Longer side in pixels. */
    public int maxSide() {
      return maxSide;
    }

    /** The URL form: {@code thumb} or {@code display}. */
    public String path() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Inject DataLayout layout;
  @Inject UploadStore uploads;
  @Inject Database database;

  private final ImageDecoder decoder = new ImageDecoder();
  private final ImageFetcher fetcher =
      new ImageFetcher(Duration.ofSeconds(20), ImageFetcher.DEFAULT_MAX_BYTES);

  /**
   * The original bytes of an item's image (file, URL or IIIF service).
   *
   * @throws NotFoundException if the image cannot be read now
   */
  public byte[] original(ItemRecord item) {
    try {
      return fetcher.fetch(item.image());
    } catch (ImageUnavailableException e) {
      throw new NotFoundException("the image of item " + item.id() + " is unavailable");
    }
  }

  /**
   * The image of an active item.
   *
   * @throws NotFoundException if there is no such item or it is withdrawn
   */
  public ImageSource item(long id) {
    ItemRecord item =
        database
            .items()
            .find(id)
            .filter(ItemRecord::active)
            .orElseThrow(() -> new NotFoundException("no item " + id + " in the collections"));
    return source(item);
  }

  /** The image of an item (its bytes are read only when a derivative must be made). */
  public ImageSource source(ItemRecord item) {
    return new ImageSource(item.contentHash(), () -> original(item));
  }

  /**
   * An uploaded image.
   *
   * @throws IllegalArgumentException if {@code uploadId} is not an upload id
   */
  public ImageSource upload(String uploadId) {
    return new ImageSource(UploadStore.checkId(uploadId), () -> uploads.read(uploadId));
  }

  /** Where derived files are kept: {@code <home>/cache/derivatives}. */
  public Path derivativesDir() {
    return layout.cacheDir().resolve("derivatives");
  }

  /**
   * Deletes every derivative of one image after a takedown: every file or folder in {@link
   * #derivativesDir()} named {@code <hash>-...} (thumbnails, display copies, deep-zoom pyramids).
   * They are made again if an item or upload with that image is shown later.
   *
   * @param hash the image's sha-256 (hex)
   * @return how many files and folders were deleted
   */
  public int forget(String hash) {
    UploadStore.checkId(hash);
    Path dir = derivativesDir();
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int[] deleted = {0};
    try (var entries = Files.newDirectoryStream(dir, hash + "-*")) {
      for (Path entry : entries) {
        try (var tree = Files.walk(entry)) {
          for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
            if (Files.deleteIfExists(p)) {
              deleted[0]++;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the derivatives of " + hash, e);
    }
    return deleted[0];
  }

  /** A derivative of an image, generated on first use. */
  public Path derivative(ImageSource source, Size size) {
    Path file = derivativesDir().resolve(source.hash() + "-" + size.path() + ".jpg");
    if (Files.isRegularFile(file)) {
      return file;
    }
    BufferedImage scaled = ImageResizer.fit(decoder.decode(source.bytes().get()), size.maxSide());
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "derivative", ".tmp");
      JpegFiles.write(scaled, tmp);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write derivative " + file.getFileName(), e);
    }
    return file;
  }
}
