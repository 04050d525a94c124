package org.mnemosyne.runtime.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.JointAttribution;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.image.RgbImage;

class RenderTest {
  private static final Segments TWO = new Segments(4, 2, 2, new int[] {0, 0, 1, 1, 0, 0, 1, 1});
  private static final RgbImage GREY = RgbImage.ofPlanes(4, 2, fill(24, 0.5f));

  private static float[] fill(int n, float v) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  @Test
  void positiveIsRedNegativeIsBlueZeroIsUntouched() {
    assertEquals(0xff0000, HeatmapRenderer.colour(1));
    assertEquals(0x0000ff, HeatmapRenderer.colour(-1));
    assertEquals(0xffffff, HeatmapRenderer.colour(0));
    BufferedImage img =
        HeatmapRenderer.overlay(GREY, new SegmentAttribution(TWO, new double[] {0.2, 0}), 1.0);
    assertEquals(0xff0000, img.getRGB(0, 0) & 0xffffff); // strongest segment fully red
    assertEquals(GREY.toPackedRgb()[2], img.getRGB(2, 0) & 0xffffff); // zero: the image itself
    assertTrue(img.getHeight() > 2, "legend below the image");
  }

  @Test
  void jsonCarriesValuesAndRunLengthEncodedSegments() {
    Explanation e =
        new Explanation(
            "x\"<script>",
            "1",
            "sim",
            ExplanationParameters.defaults(),
            Map.of(Side.TARGET, new SegmentAttribution(TWO, new double[] {0.25, -1.5})),
            Optional.of(new JointAttribution(TWO, TWO, new double[][] {{1, 2}, {3, 4}})),
            0.1,
            0.9,
            42,
            Duration.ofMillis(7),
            OptionalDouble.empty());
    String json = ExplanationJson.write(e);
    assertTrue(json.contains("\"values\":[0.25,-1.5]"), json);
    assertTrue(json.contains("\"labelsRle\":[0,2,1,2,0,2,1,2]"), json);
    assertTrue(json.contains("\"interactions\":[[1.0,2.0],[3.0,4.0]]"), json);
    assertTrue(json.contains("x\\\"\\u003cscript\\u003e"), "escaped: " + json);
    assertTrue(json.contains("\"evaluations\":42"), json);
  }

  @Test
  void correspondenceDrawsBothImagesAndALegend() {
    BufferedImage img =
        HeatmapRenderer.correspondence(
            GREY, GREY, new JointAttribution(TWO, TWO, new double[][] {{1, 0}, {0, -1}}), 4);
    assertEquals(4 + 16 + 4, img.getWidth());
  }
}
