package org.mnemosyne.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class RegionTest {
  @Test
  void cropsTheRelativeRectangleAndRoundTripsThroughText() {
    BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 100; y++) {
      for (int x = 0; x < 200; x++) {
        img.setRGB(x, y, (x << 8) | y);
      }
    }
    Region r = Region.parse("0.25, 0.5, 0.5, 0.5");
    BufferedImage c = r.crop(img);
    assertEquals(100, c.getWidth());
    assertEquals(50, c.getHeight());
    assertEquals(((50 << 8) | 50) & 0xffffff, c.getRGB(0, 0) & 0xffffff);
    assertEquals(r, Region.parse(r.toString()));
  }

  @Test
  void refusesRectanglesOutsideTheImageOrTooSmallOrMalformed() {
    assertThrows(IllegalArgumentException.class, () -> Region.parse("1,0,0.5,0.5"));
    assertThrows(IllegalArgumentException.class, () -> Region.parse("0,0,0.001,0.5"));
    assertThrows(IllegalArgumentException.class, () -> Region.parse("0,0,0.5"));
    assertThrows(IllegalArgumentException.class, () -> Region.parse("a,0,0.5,0.5"));
    assertThrows(IllegalArgumentException.class, () -> Region.parse("-0.1,0,0.5,0.5"));
    assertThrows(IllegalArgumentException.class, () -> new Region(0.6, 0, 0.5, 0.5));
  }

  @Test
  void fitKeepsTheAspectRatioAndNeverEnlarges() {
    BufferedImage img = new BufferedImage(400, 100, BufferedImage.TYPE_INT_RGB);
    BufferedImage t = ImageResizer.fit(img, 200);
    assertEquals(200, t.getWidth());
    assertEquals(50, t.getHeight());
    BufferedImage same = ImageResizer.fit(img, 1000);
    assertEquals(400, same.getWidth());
    assertEquals(100, same.getHeight());
  }
}
