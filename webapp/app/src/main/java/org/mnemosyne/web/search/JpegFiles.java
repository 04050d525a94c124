package org.mnemosyne.web.search;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** The one JPEG encoding of every image file the portal derives (quality 0.85). Thread-safe. */
public final class JpegFiles {
  /** JPEG quality of derivatives and tiles. */
  public static final float QUALITY = 0.85f;

  private JpegFiles() {}

  /**
   * Writes an RGB image as a JPEG file (replacing it). Callers that need readers never to see a
   * half-written file write to a temporary name (or directory) and move it into place.
   */
  public static void write(BufferedImage image, Path file) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(QUALITY);
      writer.write(null, new IIOImage(image, null, null), p);
    } finally {
      writer.dispose();
    }
  }
}
