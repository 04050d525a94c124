package org.mnemosyne.explain.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.explain.BilinearGapSimilarity;
import org.mnemosyne.explain.TestImages;

class FaithfulnessTest {
  @Test
  void theExactShapleyMapIsMoreFaithfulThanItsReverse() {
    RgbImage x = TestImages.random(16, 16, 3);
    RgbImage y = TestImages.random(16, 16, 4);
    BilinearGapSimilarity sim = new BilinearGapSimilarity(4, 4, 8, 11, false);
    ExplanationParameters p =
        ExplanationParameters.defaults()
            .withSides(EnumSet.of(Side.TARGET))
            .withSegmentation(Segmentation.grid(3, 3))
            .withCensor(Censor.mean())
            .withBudget(1024);
    ExplainerProvider exact =
        ServiceLoader.load(ExplainerProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(e -> e.name().equals("exact-shapley"))
            .findFirst()
            .orElseThrow();
    ExplanationRequest request = ExplanationRequest.builder(x, y, sim).parameters(p).build();
    Explanation e = exact.create(null).explain(request);
    SegmentAttribution map = e.map(Side.TARGET).orElseThrow();
    double[] reversed = map.values().clone();
    for (int i = 0; i < reversed.length; i++) {
      reversed[i] = -reversed[i];
    }
    DeletionInsertion.Curves good =
        Faithfulness.of(request, Side.TARGET, map, p.segmentation(), p.censor(), 9);
    DeletionInsertion.Curves bad =
        Faithfulness.of(
            request,
            Side.TARGET,
            new SegmentAttribution(map.segments(), reversed),
            p.segmentation(),
            p.censor(),
            9);
    assertTrue(good.deletionArea() < bad.deletionArea(), good + " vs " + bad);
    assertTrue(good.insertionArea() > bad.insertionArea(), good + " vs " + bad);
    assertEquals(e.fullValue(), good.deletion()[0], 1e-9, "nothing removed: v(N)");
    assertEquals(e.fullValue(), good.insertion()[9], 1e-9, "everything kept: v(N)");
  }
}
