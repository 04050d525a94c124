package org.mnemosyne.runtime.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.image.RgbImage;

class ImageResizerTest {

  @Test
  void weightsOfEveryOutputSumToOne() {
    for (int[] fromTo : new int[][] {{640, 224}, {224, 224}, {100, 224}, {3, 7}, {1000, 3}}) {
      ImageResizer.Resampling r = ImageResizer.Resampling.of(fromTo[0], fromTo[1]);
      for (int i = 0; i < fromTo[1]; i++) {
        double sum = 0;
        for (int k = r.start[i]; k < r.start[i + 1]; k++) {
          sum += r.weight[k];
        }
        assertEquals(1.0, sum, 1e-5, fromTo[0] + "->" + fromTo[1] + " at " + i);
      }
    }
  }

  @Test
  void shrinkingAveragesAreas() {
    // 4x2 -> 2x1: each output pixel is the mean of a 2x2 block.
    BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
    int[] reds = {0, 100, 200, 40, 20, 80, 0, 120};
    for (int i = 0; i < 8; i++) {
      img.setRGB(i % 4, i / 4, reds[i] << 16);
    }
    RgbImage out = ImageResizer.toRgb(img, 2, 1);
    assertEquals((0 + 100 + 20 + 80) / 4f / 255f, out.get(0, 0, 0), 1e-5);
    assertEquals((200 + 40 + 0 + 120) / 4f / 255f, out.get(0, 0, 1), 1e-5);
  }

  @Test
  void allSourceTypesGiveTheSamePixels() {
    BufferedImage rgb = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 30; x++) {
        rgb.setRGB(x, y, (x * 8 << 16) | (y * 12 << 8) | ((x + y) * 5));
      }
    }
    RgbImage reference = ImageResizer.toRgb(rgb, 11, 7);
    for (int type :
        new int[] {
          BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR
        }) {
      BufferedImage other = new BufferedImage(30, 20, type);
      other.getGraphics().drawImage(rgb, 0, 0, null);
      RgbImage out = ImageResizer.toRgb(other, 11, 7);
      float[] a = reference.planes();
      float[] b = out.planes();
      for (int i = 0; i < a.length; i++) {
        assertEquals(a[i], b[i], 1e-5, "type " + type + " value " + i);
      }
    }
  }

  @Test
  void aConstantImageStaysConstantAtAnySize() {
    BufferedImage img = new BufferedImage(17, 5, BufferedImage.TYPE_3BYTE_BGR);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(new java.awt.Color(10, 200, 30));
    g.fillRect(0, 0, 17, 5);
    g.dispose();
    for (int[] size : new int[][] {{224, 224}, {3, 3}, {17, 5}}) {
      RgbImage out = ImageResizer.toRgb(img, size[0], size[1]);
      assertEquals(10 / 255f, out.get(0, size[1] - 1, size[0] - 1), 1e-5);
      assertEquals(200 / 255f, out.get(1, 0, 0), 1e-5);
      assertEquals(30 / 255f, out.get(2, size[1] / 2, size[0] / 2), 1e-5);
    }
  }

  // --- The fast resizer against a plain per-pixel implementation of its definition, bit for bit.

  /** Source sizes: tiny, odd, one-pixel lines, and a painting-like 470 x 640. */
  private static final int[][] SOURCES = {
    {1, 1}, {1, 7}, {7, 1}, {2, 3}, {3, 5}, {17, 13}, {101, 67}, {224, 224}, {470, 640}
  };

  /** Targets: the model's input, shrinking, growing, mixed, identity-like, one pixel. */
  private static final int[][] TARGETS = {{224, 224}, {7, 5}, {1, 1}, {300, 40}, {13, 17}};

  @Test
  void equalsThePlainDefinitionBitForBitOnEveryPixelType() {
    Random rnd = new Random(7);
    int[] types = {
      BufferedImage.TYPE_3BYTE_BGR,
      BufferedImage.TYPE_BYTE_GRAY,
      BufferedImage.TYPE_INT_RGB,
      BufferedImage.TYPE_INT_ARGB,
      BufferedImage.TYPE_4BYTE_ABGR,
      BufferedImage.TYPE_INT_BGR,
      BufferedImage.TYPE_USHORT_GRAY
    };
    for (int type : types) {
      for (int[] src : SOURCES) {
        BufferedImage img = random(src[0], src[1], type, rnd);
        for (int[] dst : TARGETS) {
          String what =
              "type " + type + " " + src[0] + "x" + src[1] + " -> " + dst[0] + "x" + dst[1];
          assertArrayEquals(
              reference(img, dst[0], dst[1]), ImageResizer.planes(img, dst[0], dst[1]), what);
        }
      }
    }
  }

  @Test
  void subImagesAreReadInPlaceWithTheSameResult() {
    Random rnd = new Random(11);
    for (int type :
        new int[] {
          BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB
        }) {
      BufferedImage whole = random(61, 47, type, rnd);
      BufferedImage part = whole.getSubimage(9, 5, 31, 29);
      BufferedImage copy = new BufferedImage(31, 29, type);
      copy.getRaster().setRect(part.getRaster()); // same samples, own raster
      for (int[] dst : TARGETS) {
        float[] expected = reference(copy, dst[0], dst[1]);
        assertArrayEquals(expected, ImageResizer.planes(part, dst[0], dst[1]), "type " + type);
        assertArrayEquals(expected, ImageResizer.planes(copy, dst[0], dst[1]), "type " + type);
      }
    }
  }

  @Test
  void greyIsTheSameValueInAllThreeChannels() {
    BufferedImage grey = random(33, 21, BufferedImage.TYPE_BYTE_GRAY, new Random(3));
    // A grey sample is used as it is (no gamma conversion), like the bytes of a colour image.
    RgbImage one = ImageResizer.toRgb(grey, 33, 21);
    for (int y = 0; y < 21; y++) {
      for (int x = 0; x < 33; x++) {
        float v = grey.getRaster().getSample(x, y, 0) / 255f;
        assertEquals(v, one.get(0, y, x), 1e-6);
        assertEquals(one.get(0, y, x), one.get(1, y, x));
        assertEquals(one.get(0, y, x), one.get(2, y, x));
      }
    }
  }

  @Test
  void simdAndScalarRowKernelsAgreeBitForBit() {
    assumeTrue(RowKernels.SIMD, "no Vector API in this JVM: " + RowKernels.describe());
    Random rnd = new Random(5);
    byte[] bytes = new byte[4096];
    rnd.nextBytes(bytes);
    for (int n : new int[] {0, 1, 7, 8, 15, 16, 17, 31, 33, 100, 1623, 4000}) {
      for (int from : new int[] {0, 1, 3, 13}) {
        if (from + n > bytes.length) {
          continue;
        }
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
          a[i] = b[i] = rnd.nextFloat() * 300;
        }
        for (float wt : new float[] {0.41322315f, 1f, 0f, 1e-3f, 0.70710677f}) {
          RowKernels.scalar(bytes, from, wt, a, n);
          SimdRowKernel.accumulate(bytes, from, wt, b, n);
          assertArrayEquals(a, b, "n " + n + " from " + from + " wt " + wt);
        }
      }
    }
  }

  @Test
  void theSimdKernelIsUsedWhereTheVectorApiIs() {
    // Surefire starts the tests with --add-modules jdk.incubator.vector: on a CPU with 256- or
    // 512-bit vectors the SIMD kernel must really be the one under test.
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
    int lanes = SimdRowKernel.lanes();
    assertEquals(lanes == 8 || lanes == 16, RowKernels.SIMD, RowKernels.describe());
  }

  private static BufferedImage random(int w, int h, int type, Random rnd) {
    BufferedImage img = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rnd.nextInt()); // random alpha too, where the type has it
      }
    }
    return img;
  }

  /**
   * The definition, one output value at a time: samples (grey and 3-byte rasters as stored, int RGB
   * as packed, anything else composited over white first); per output row and source column the
   * float sum over the row taps in order; per output pixel the float sum over the column taps in
   * order; divided by 255, clamped.
   */
  private static float[] reference(BufferedImage image, int width, int height) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[][][] sample = new int[3][h][w];
    int type = image.getType();
    BufferedImage src = image;
    if (type != BufferedImage.TYPE_3BYTE_BGR
        && type != BufferedImage.TYPE_BYTE_GRAY
        && type != BufferedImage.TYPE_INT_RGB) {
      src = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = src.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.drawImage(image, 0, 0, null);
      g.dispose();
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          sample[c][y][x] =
              src.getType() == BufferedImage.TYPE_INT_RGB
                  ? (src.getRGB(x, y) >> (16 - 8 * c)) & 0xff
                  : src.getRaster().getSample(x, y, src.getRaster().getNumBands() == 1 ? 0 : c);
        }
      }
    }
    ImageResizer.Resampling xs = ImageResizer.Resampling.of(w, width);
    ImageResizer.Resampling ys = ImageResizer.Resampling.of(h, height);
    float[] out = new float[3 * width * height];
    for (int c = 0; c < 3; c++) {
      for (int oy = 0; oy < height; oy++) {
        for (int ox = 0; ox < width; ox++) {
          float v = 0;
          for (int kx = xs.start[ox]; kx < xs.start[ox + 1]; kx++) {
            float column = 0;
            for (int ky = ys.start[oy]; ky < ys.start[oy + 1]; ky++) {
              column += ys.weight[ky] * sample[c][ys.index[ky]][xs.index[kx]];
            }
            v += xs.weight[kx] * column;
          }
          v /= 255f;
          out[(c * height + oy) * width + ox] = v < 0 ? 0 : (v > 1 ? 1 : v);
        }
      }
    }
    return out;
  }
}
