package org.mnemosyne.runtime.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes untrusted image bytes. The pixel count is read from the header and checked against a
 * limit <em>before</em> any pixel is decoded, so decompression bombs are refused cheaply.
 * Thread-safe.
 */
public final class ImageDecoder {
  /** Default limit: 64 megapixels. */
  public static final long DEFAULT_MAX_PIXELS = 64L * 1024 * 1024;

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
   * Decodes the first image in {@code bytes}.
   *
   * @throws ImageDecodingException on an unknown format, corrupt data or too many pixels
   */
  public BufferedImage decode(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
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
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > maxPixels) {
          throw new ImageDecodingException(
              "image has "
                  + reader.getWidth(0)
                  + "x"
                  + reader.getHeight(0)
                  + " pixels, more than the limit of "
                  + maxPixels);
        }
        BufferedImage image = reader.read(0);
        if (image == null) {
          throw new ImageDecodingException("image decoded to nothing");
        }
        return image;
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
}
