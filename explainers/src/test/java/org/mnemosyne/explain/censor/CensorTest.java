package org.mnemosyne.explain.censor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.explain.TestImages;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.segment.GridSegmenter;

class CensorTest {

  @Test
  void separableBlurEqualsTheDirectTwoDimensionalConvolution() {
    RgbImage im = TestImages.random(13, 9, 4);
    double sigma = 1.7;
    RgbImage blurred = new GaussianBlurCensor(sigma).absent(im);
    float[] k = GaussianBlurCensor.kernel(sigma);
    int r = k.length / 2;
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 9; y++) {
        for (int x = 0; x < 13; x++) {
          double s = 0;
          for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
              int yy = Math.min(8, Math.max(0, y + dy));
              int xx = Math.min(12, Math.max(0, x + dx));
              s += k[dy + r] * k[dx + r] * im.get(c, yy, xx);
            }
          }
          assertEquals(s, blurred.get(c, y, x), 1e-5);
        }
      }
    }
  }

  @Test
  void blurKeepsAConstantImageAndMeanAndConstantFillAsDocumented() {
    RgbImage flat = TestImages.solid(10, 10, 0.2f, 0.4f, 0.6f);
    assertEquals(flat, roundTo(new GaussianBlurCensor(3).absent(flat)));
    RgbImage im = TestImages.random(6, 4, 1);
    RgbImage mean = CensorStrategy.of(Censor.mean()).absent(im);
    double s = 0;
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 6; x++) {
        s += im.get(1, y, x);
      }
    }
    assertEquals(s / 24, mean.get(1, 3, 5), 1e-6);
    RgbImage constant = CensorStrategy.of(Censor.constant(0, 0.5, 1)).absent(im);
    assertEquals(0.5f, constant.get(1, 2, 2));
    assertEquals(1f, constant.get(2, 0, 0));
  }

  private static RgbImage roundTo(RgbImage im) {
    float[] p = im.planes();
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.round(p[i] * 1e5f) / 1e5f;
    }
    return RgbImage.ofPlanes(im.width(), im.height(), p);
  }

  @Test
  void renderingShowsOriginalPixelsExactlyInPresentSegments() {
    RgbImage im = TestImages.random(9, 7, 2);
    Segments seg = new GridSegmenter(2, 3).segment(im);
    SegmentedImage s = SegmentedImage.of(im, seg, new ConstantColourCensor(0, 0, 0));
    Coalition present = Coalition.of(6, 1, 4);
    RgbImage out = s.render(present);
    for (int y = 0; y < 7; y++) {
      for (int x = 0; x < 9; x++) {
        boolean shown = present.contains(seg.segmentAt(x, y));
        for (int c = 0; c < 3; c++) {
          assertEquals(shown ? im.get(c, y, x) : 0f, out.get(c, y, x));
        }
      }
    }
    assertSame(im, s.render(Coalition.full(6)), "the uncensored image is reused, not copied");
    assertSame(s.absent(), s.render(Coalition.empty(6)));
  }

  @Test
  void blendingAndSegmentMeans() {
    RgbImage im = TestImages.solid(4, 2, 1, 1, 1);
    Segments seg = new GridSegmenter(1, 2).segment(im);
    SegmentedImage s = SegmentedImage.of(im, seg, new ConstantColourCensor(0, 0, 0));
    float[] mask = {1, 1, 0, 0, 0.5f, 0.5f, 0.25f, 0.25f};
    RgbImage out = s.blend(mask);
    assertEquals(0.5f, out.get(0, 1, 0));
    assertEquals(0.25f, out.get(2, 1, 3));
    double[] means = s.segmentMeans(mask);
    assertEquals(0.75, means[0], 1e-9);
    assertEquals(0.125, means[1], 1e-9);
  }
}
