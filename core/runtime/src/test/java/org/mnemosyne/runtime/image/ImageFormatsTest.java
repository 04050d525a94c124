package org.mnemosyne.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnemosyne.api.image.RgbImage;

/**
 * Every supported kind of file decodes to the same upright picture: a 64x48 image, red on the left,
 * green top right, blue elsewhere (fixtures made with ImageMagick from base.png; exif6.jpg holds
 * the pixels rotated, with EXIF orientation 6 saying how to turn them back).
 */
class ImageFormatsTest {
  private static final ImageDecoder DECODER = new ImageDecoder();

  static BufferedImage fixture(String name) throws Exception {
    try (InputStream in = ImageFormatsTest.class.getResourceAsStream("/images/" + name)) {
      return DECODER.decode(in.readAllBytes());
    }
  }

  private static float[] rgbAt(RgbImage img, int x, int y) {
    return new float[] {img.get(0, y, x), img.get(1, y, x), img.get(2, y, x)};
  }

  private static void assertColour(float[] expected, float[] actual, String where) {
    for (int c = 0; c < 3; c++) {
      assertEquals(expected[c], actual[c], 0.2, where + " channel " + c);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "base.png",
        "base.jpg",
        "base.bmp",
        "cmyk.jpg",
        "rgb16.tif",
        "rgba.png",
        "exif6.jpg"
      })
  void decodesUprightWithTheRightColours(String name) throws Exception {
    BufferedImage img = fixture(name);
    assertEquals(64, img.getWidth(), name);
    assertEquals(48, img.getHeight(), name);
    RgbImage rgb = ImageResizer.toRgb(img, 64, 48);
    assertColour(new float[] {1, 0, 0}, rgbAt(rgb, 5, 24), name + " left");
    assertColour(new float[] {0, 1, 0}, rgbAt(rgb, 55, 5), name + " top right");
    assertColour(new float[] {0, 0, 1}, rgbAt(rgb, 30, 40), name + " bottom middle");
  }

  @Test
  void transparentPixelsBecomeWhite() throws Exception {
    RgbImage rgb = ImageResizer.toRgb(fixture("rgba.png"), 64, 48);
    assertColour(new float[] {1, 1, 1}, rgbAt(rgb, 58, 42), "transparent corner");
  }

  @Test
  void sixteenBitGreyIsGrey() throws Exception {
    RgbImage rgb = ImageResizer.toRgb(fixture("gray16.png"), 64, 48);
    float[] left = rgbAt(rgb, 5, 24);
    assertEquals(left[0], left[1], 1e-6);
    assertEquals(left[1], left[2], 1e-6);
    float[] blue = rgbAt(rgb, 30, 40);
    assertEquals(true, left[0] > blue[0], "red is lighter than blue in grey");
  }

  @Test
  void exifOrientationIsReadFromTheApp1Segment() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/images/exif6.jpg")) {
      assertEquals(6, ExifOrientation.read(in.readAllBytes()));
    }
    try (InputStream in = getClass().getResourceAsStream("/images/base.jpg")) {
      assertEquals(1, ExifOrientation.read(in.readAllBytes()));
    }
    assertEquals(1, ExifOrientation.read(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}));
  }

  @Test
  void largeImagesAreSubsampledButNeverBelowTwiceTheTarget() {
    assertEquals(1, ImageDecoder.subsampling(640, 480, 224, 224));
    assertEquals(2, ImageDecoder.subsampling(1000, 900, 224, 224));
    assertEquals(8, ImageDecoder.subsampling(4000, 3600, 224, 224));
    assertEquals(1, ImageDecoder.subsampling(4000, 3600, 0, 0));
  }
}
