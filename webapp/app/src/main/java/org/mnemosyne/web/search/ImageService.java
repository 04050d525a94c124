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
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.mnemosyne.db.catalog.ItemRecord;
import org.mnemosyne.db.ingest.ImageFetcher;
import org.mnemosyne.db.ingest.ImageUnavailableException;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;

/**
 * Images of items and uploads: the original bytes (for search by detail and explanations) and JPEG
 * derivatives — a thumbnail and a display size — generated once per image content and kept under
 * {@code <home>/cache/derivatives/<sha-256 of the image>-<size>.jpg}. A changed image has a new
 * hash and so new derivatives; names come from hashes only, never from a request. Thread-safe.
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

  /** A derivative of an item's image, generated on first use. */
  public Path derivative(ItemRecord item, Size size) {
    return derivative(item.contentHash(), size, () -> original(item));
  }

  /** A derivative of an uploaded image, generated on first use. */
  public Path uploadDerivative(String uploadId, Size size) {
    return derivative(UploadStore.checkId(uploadId), size, () -> uploads.read(uploadId));
  }

  private Path derivatives() {
    return layout.cacheDir().resolve("derivatives");
  }

  /**
   * Deletes every derivative of one image (after a takedown); they are generated again if an item
   * or upload with that image is shown later.
   *
   * @param hash the image's sha-256 (hex)
   * @return how many files were deleted
   */
  public int forget(String hash) {
    UploadStore.checkId(hash);
    int deleted = 0;
    for (Size size : Size.values()) {
      try {
        if (Files.deleteIfExists(derivativeFile(hash, size))) {
          deleted++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete a derivative of " + hash, e);
      }
    }
    return deleted;
  }

  private Path derivativeFile(String hash, Size size) {
    return derivatives().resolve(hash + "-" + size.path() + ".jpg");
  }

  private Path derivative(String hash, Size size, java.util.function.Supplier<byte[]> bytes) {
    Path file = derivativeFile(hash, size);
    if (Files.isRegularFile(file)) {
      return file;
    }
    BufferedImage scaled = ImageResizer.fit(decoder.decode(bytes.get()), size.maxSide());
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "derivative", ".tmp");
      writeJpeg(scaled, tmp);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write derivative " + file.getFileName(), e);
    }
    return file;
  }

  private static void writeJpeg(BufferedImage image, Path file) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(image, null, null), p);
    } finally {
      writer.dispose();
    }
  }
}
