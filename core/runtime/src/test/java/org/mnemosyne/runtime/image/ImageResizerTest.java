package org.mnemosyne.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
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
}
