package org.mnemosyne.runtime.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes untrusted image bytes: JPEG (also CMYK/YCCK and with broken ICC profiles), PNG (8/16-bit,
 * grey, alpha), BMP, TIFF (8/16-bit) and GIF, through ImageIO with the TwelveMonkeys readers.
 *
 * <p>Safety: the pixel count is read from the header and checked against a limit <em>before</em>
 * any pixel is decoded, so decompression bombs are refused cheaply; files are read with a size
 * limit. Only the first image of a multi-image file is read. JPEG EXIF orientation is applied, so
 * the result is upright. Thread-safe.
 */
public final class ImageDecoder {
  /** Default limit: 64 megapixels. */
  public static final long DEFAULT_MAX_PIXELS = 64L * 1024 * 1024;

  /** Largest file {@link #decode(Path)} reads: 256 MiB. */
  public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  static {
    // ImageIO's registry is per JVM; inside an application server it must see our readers.
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    try {
      t.setContextClassLoader(ImageDecoder.class.getClassLoader());
      ImageIO.scanForPlugins();
    } finally {
      t.setContextClassLoader(previous);
    }
    ImageIO.setUseCache(false); // never spill untrusted data to temporary files
  }

  private final long maxPixels;

  /** A decoder with a pixel limit. */
  public ImageDecoder(long maxPixels) {
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive");
    }
    this.maxPixels = maxPixels;
  }

  /** A decoder with {@link #DEFAULT_MAX_PIXELS}. */
  public ImageDecoder() {
    this(DEFAULT_MAX_PIXELS);
  }

  /**
   * Reads and decodes a file.
   *
   * @throws ImageDecodingException naming the file and the reason
   */
  public BufferedImage decode(Path file) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new ImageDecodingException(
            file + ": " + size + " bytes, more than the limit of " + MAX_FILE_BYTES);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ImageDecodingException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    try {
      return decode(bytes);
    } catch (ImageDecodingException e) {
      throw new ImageDecodingException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decodes the first image in {@code bytes}, upright.
   *
   * @throws ImageDecodingException on an unknown format, corrupt data or too many pixels
   */
  public BufferedImage decode(byte[] bytes) {
    return decode(bytes, 0, 0);
  }

  /**
   * Decodes for a consumer that needs at least {@code minWidth} x {@code minHeight} pixels: large
   * images are subsampled while decoding (never below twice that size, so the final resize still
   * averages), which makes decoding several times faster. The whole image is always kept.
   *
   * @throws ImageDecodingException on an unknown format, corrupt data or too many pixels
   */
  public BufferedImage decode(byte[] bytes, int minWidth, int minHeight) {
    try (InputStream raw = new ByteArrayInputStream(bytes);
        ImageInputStream in = ImageIO.createImageInputStream(raw)) {
      if (in == null) {
        throw new ImageDecodingException("cannot read image data");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new ImageDecodingException(
            "unsupported or unrecognised image format (" + bytes.length + " bytes)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw new ImageDecodingException("image has no pixels");
        }
        if ((long) width * height > maxPixels) {
          throw new ImageDecodingException(
              "image has " + width + "x" + height + " pixels, more than the limit of " + maxPixels);
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(width, height, minWidth, minHeight);
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        if (image == null) {
          throw new ImageDecodingException("image decoded to nothing");
        }
        return ExifOrientation.apply(image, ExifOrientation.read(bytes));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ImageDecodingException ide) {
        throw ide;
      }
      throw new ImageDecodingException("corrupt or truncated image: " + e.getMessage(), e);
    }
  }

  static int subsampling(int width, int height, int minWidth, int minHeight) {
    if (minWidth <= 0 || minHeight <= 0) {
      return 1;
    }
    // EXIF may swap the axes: keep both sides at least twice the larger requirement.
    int need = 2 * Math.max(minWidth, minHeight);
    return Math.max(1, Math.min(width, height) / need);
  }
}
