package org.mnemosyne.explain.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.explain.TestImages;

class SegmenterTest {

  /** Four flat quadrants (red, green, blue, white) with a little deterministic noise. */
  private static RgbImage quadrants(int w, int h) {
    float[][] colours = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}};
    int n = w * h;
    float[] planes = new float[3 * n];
    java.util.Random r = new java.util.Random(1);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int q = (y < h / 2 ? 0 : 2) + (x < w / 2 ? 0 : 1);
        for (int c = 0; c < 3; c++) {
          planes[c * n + y * w + x] =
              Math.min(1, Math.max(0, colours[q][c] + (r.nextFloat() - 0.5f) * 0.05f));
        }
      }
    }
    return RgbImage.ofPlanes(w, h, planes);
  }

  private static int quadrant(int p, int w, int h) {
    int x = p % w;
    int y = p / w;
    return (y < h / 2 ? 0 : 2) + (x < w / 2 ? 0 : 1);
  }

  @Test
  void gridCellsAreRowMajorAndNearlyEqual() {
    Segments s = new GridSegmenter(2, 3).segment(TestImages.random(7, 5, 1));
    assertEquals(6, s.count());
    assertEquals(0, s.segmentAt(0, 0));
    assertEquals(2, s.segmentAt(6, 0));
    assertEquals(3, s.segmentAt(0, 4));
    assertEquals(5, s.segmentAt(6, 4));
    int[] sizes = new int[6];
    for (int l : s.labels()) {
      sizes[l]++;
    }
    // rows of 3 and 2 pixels, columns of 3, 2 and 2
    assertEquals(
        java.util.List.of(9, 6, 6, 6, 4, 4), java.util.Arrays.stream(sizes).boxed().toList());
  }

  @Test
  void aGridFinerThanTheImageIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new GridSegmenter(8, 8).segment(TestImages.random(4, 4, 1)));
  }

  @Test
  void slicFollowsColourBoundariesAndGivesConnectedSegments() {
    int w = 64;
    int h = 48;
    RgbImage image = quadrants(w, h);
    Segments s = new SlicSegmenter(16, 10).segment(image);
    assertTrue(s.count() >= 8 && s.count() <= 32, "close to 16 segments: " + s.count());
    int[] labels = s.labels();
    for (int seg = 0; seg < s.count(); seg++) {
      Set<Integer> quadrants = new HashSet<>();
      for (int p = 0; p < labels.length; p++) {
        if (labels[p] == seg) {
          quadrants.add(quadrant(p, w, h));
        }
      }
      assertEquals(1, quadrants.size(), "segment " + seg + " stays within one colour region");
      assertTrue(connected(labels, w, h, seg), "segment " + seg + " is 4-connected");
    }
    assertEquals(s, new SlicSegmenter(16, 10).segment(image), "deterministic");
  }

  @Test
  void slicOnNoiseStillPartitionsEveryPixel() {
    Segments s = new SlicSegmenter(30, 20).segment(TestImages.random(50, 37, 3));
    assertTrue(s.count() > 10);
    for (int seg = 0; seg < s.count(); seg++) {
      assertTrue(connected(s.labels(), 50, 37, seg));
    }
  }

  @Test
  void featureCellsNeedAShape() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Segmenter.of(Segmentation.featureCells(), Optional.empty()));
    Segments s =
        Segmenter.of(Segmentation.featureCells(), Optional.of(FeatureGrid.parse("7x7")))
            .segment(TestImages.random(224, 224, 2));
    assertEquals(49, s.count());
    assertEquals(8, s.segmentAt(32, 32), "32-pixel cells at 224 px");
    assertThrows(IllegalArgumentException.class, () -> FeatureGrid.parse("7by7"));
  }

  private static boolean connected(int[] labels, int w, int h, int seg) {
    int start = -1;
    int total = 0;
    for (int p = 0; p < labels.length; p++) {
      if (labels[p] == seg) {
        total++;
        if (start < 0) {
          start = p;
        }
      }
    }
    boolean[] seen = new boolean[labels.length];
    ArrayDeque<Integer> q = new ArrayDeque<>();
    q.add(start);
    seen[start] = true;
    int reached = 0;
    while (!q.isEmpty()) {
      int p = q.poll();
      reached++;
      int x = p % w;
      int y = p / w;
      int[][] nb = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
      for (int[] c : nb) {
        if (c[0] >= 0 && c[0] < w && c[1] >= 0 && c[1] < h) {
          int n = c[1] * w + c[0];
          if (!seen[n] && labels[n] == seg) {
            seen[n] = true;
            q.add(n);
          }
        }
      }
    }
    return reached == total;
  }
}
