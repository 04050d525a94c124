package org.mnemosyne.explain.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;

/** The {@code size-effects} option of {@code kernel-stii}: read, recorded, and it matters. */
class KernelStiiOptionsTest {
  private static Explanation explain(ExplanationParameters p) {
    return Providers.explainRandomPair("kernel-stii", p);
  }

  private static ExplanationParameters params() {
    return ExplanationParameters.defaults()
        .withOrder(Order.JOINT)
        .withSegmentation(Segmentation.grid(3, 3))
        .withCensor(Censor.blur(2))
        .withBudget(150)
        .withSeed(3);
  }

  private static double[] maps(Explanation e) {
    double[] q = e.map(Side.QUERY).orElseThrow().values();
    double[] t = e.map(Side.TARGET).orElseThrow().values();
    double[] out = Arrays.copyOf(q, q.length + t.length);
    System.arraycopy(t, 0, out, q.length, t.length);
    return out;
  }

  private static double[] pairs(Explanation e) {
    return Arrays.stream(e.joint().orElseThrow().interactions())
        .flatMapToDouble(Arrays::stream)
        .toArray();
  }

  @Test
  void sizeEffectsAreOnByDefaultAndCanBeSwitchedOff() {
    Explanation byDefault = explain(params());
    Explanation on = explain(params().withOption("size-effects", "true"));
    Explanation off = explain(params().withOption("size-effects", "false"));
    assertEquals(Arrays.toString(pairs(byDefault)), Arrays.toString(pairs(on)));
    assertFalse(
        Arrays.equals(pairs(byDefault), pairs(off)),
        () ->
            "a sampled design with and without size effects should differ: "
                + Arrays.toString(pairs(off))
                + " "
                + off.evaluations()
                + " "
                + off.errorEstimate());
    assertEquals("false", off.parameters().options().get("size-effects"));
    for (Explanation e : new Explanation[] {on, off}) {
      assertEquals(e.fullValue() - e.baseValue(), Arrays.stream(maps(e)).sum(), 1e-9);
    }
  }
}
