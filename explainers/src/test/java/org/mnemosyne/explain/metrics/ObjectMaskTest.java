package org.mnemosyne.explain.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.explain.segment.GridSegmenter;

class ObjectMaskTest {
  /** An 8 x 8 white image with a red rectangle [x0, x1) x [y0, y1) and one near-white pixel. */
  private static RgbImage cutout(int x0, int x1, int y0, int y1) {
    int n = 64;
    float[] planes = new float[3 * n];
    java.util.Arrays.fill(planes, 1f);
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        planes[n + y * 8 + x] = 0.1f;
        planes[2 * n + y * 8 + x] = 0.1f;
      }
    }
    int noise = 7 * 8 + 7;
    planes[noise] = 0.96f;
    planes[n + noise] = 0.97f;
    planes[2 * n + noise] = 0.95f;
    return RgbImage.ofPlanes(8, 8, planes);
  }

  private static Segments grid2x2() {
    return new GridSegmenter(2, 2).segment(cutout(0, 0, 0, 0));
  }

  @Test
  void theObjectIsTheNonWhitePixelsAndJpegNoiseOnWhiteIsBackground() {
    ObjectMask m = ObjectMask.nonWhite(cutout(0, 4, 0, 4), ObjectMask.DEFAULT_WHITE_LEVEL);
    assertEquals(0.25, m.fraction(), 1e-12);
    assertTrue(m.contains(3, 3));
    assertFalse(m.contains(4, 3));
    assertFalse(m.contains(7, 7)); // the near-white pixel
    assertArrayEquals(new double[] {1, 0, 0, 0}, m.coverage(grid2x2()), 1e-12);
    assertArrayEquals(new boolean[] {true, false, false, false}, m.region(grid2x2(), 0.5));
  }

  @Test
  void regionKeepsEverySegmentAtTheCoverageThreshold() {
    // columns 2..5 of rows 0..3: half of each top cell
    ObjectMask m = ObjectMask.nonWhite(cutout(2, 6, 0, 4), ObjectMask.DEFAULT_WHITE_LEVEL);
    assertArrayEquals(new double[] {0.5, 0.5, 0, 0}, m.coverage(grid2x2()), 1e-12);
    assertArrayEquals(new boolean[] {true, true, false, false}, m.region(grid2x2(), 0.5));
    assertArrayEquals(new boolean[] {false, false, false, false}, regionOfEmpty());
  }

  private static boolean[] regionOfEmpty() {
    return ObjectMask.nonWhite(cutout(0, 0, 0, 0), ObjectMask.DEFAULT_WHITE_LEVEL)
        .region(grid2x2(), 0.5);
  }

  @Test
  void aSmallObjectStillGivesItsMostCoveredSegment() {
    ObjectMask m = ObjectMask.nonWhite(cutout(5, 6, 6, 7), ObjectMask.DEFAULT_WHITE_LEVEL);
    assertEquals(1 / 64.0, m.fraction(), 1e-12);
    assertArrayEquals(new boolean[] {false, false, false, true}, m.region(grid2x2(), 0.5));
  }

  @Test
  void masksAndSegmentationsOfOtherSizesAreRefused() {
    ObjectMask m = new ObjectMask(4, 4, new boolean[16]);
    assertThrows(IllegalArgumentException.class, () -> m.coverage(grid2x2()));
    assertThrows(IllegalArgumentException.class, () -> new ObjectMask(4, 4, new boolean[15]));
    assertThrows(IllegalArgumentException.class, () -> ObjectMask.nonWhite(cutout(0, 1, 0, 1), 0f));
  }
}
