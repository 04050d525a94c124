package org.mnemosyne.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.image.RgbImage;

class ImageDecoderTest {
  private static final Path TEST_IMAGES =
      Path.of(System.getProperty("mnemosyne.shared.dir", "../../../shared"), "data/testimages");

  @Test
  void decodesTheSharedTestPhotos() throws Exception {
    ImageDecoder decoder = new ImageDecoder();
    for (String name : new String[] {"cat.bmp", "parrot.jpg", "hot_dog.jpg", "owl.jpg"}) {
      BufferedImage img = decoder.decode(Files.readAllBytes(TEST_IMAGES.resolve(name)));
      assertTrue(img.getWidth() > 100 && img.getHeight() > 100, name);
    }
  }

  @Test
  void refusesADecompressionBombBeforeDecodingPixels() throws Exception {
    byte[] png = pngWithClaimedSize(100_000, 100_000);
    ImageDecodingException e =
        assertThrows(ImageDecodingException.class, () -> new ImageDecoder().decode(png));
    assertTrue(e.getMessage().contains("100000x100000"), e.getMessage());
  }

  @Test
  void reportsGarbageAsUnsupported() {
    ImageDecodingException e =
        assertThrows(
            ImageDecodingException.class,
            () -> new ImageDecoder().decode("not an image at all".getBytes()));
    assertTrue(e.getMessage().contains("unsupported"), e.getMessage());
  }

  @Test
  void reportsATruncatedJpegAsCorrupt() throws Exception {
    byte[] jpeg = Files.readAllBytes(TEST_IMAGES.resolve("parrot.jpg"));
    byte[] cut = java.util.Arrays.copyOf(jpeg, 200);
    assertThrows(ImageDecodingException.class, () -> new ImageDecoder().decode(cut));
  }

  @Test
  void resizeKeepsTheWholeImageAndCompositesAlphaOverWhite() {
    BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 40; x++) {
        img.setRGB(x, y, x < 20 ? 0xFFFF0000 : 0x00000000); // left red, right transparent
      }
    }
    RgbImage out = ImageResizer.toRgb(img, 8, 8);
    assertEquals(8, out.width());
    assertEquals(1f, out.get(0, 4, 0), 1e-6); // red channel, left edge kept (no crop)
    assertEquals(0f, out.get(1, 4, 0), 1e-6);
    assertEquals(1f, out.get(1, 4, 7), 1e-6); // transparent right -> white
  }

  private static byte[] pngWithClaimedSize(int w, int h) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", bytes);
    byte[] png = bytes.toByteArray();
    ByteBuffer buf = ByteBuffer.wrap(png);
    buf.putInt(16, w).putInt(20, h); // IHDR data starts at 16
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17); // chunk type + 13 data bytes
    buf.putInt(29, (int) crc.getValue());
    return png;
  }
}
