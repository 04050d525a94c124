package org.mnemosyne.explain.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;

/** The {@code size-effects} option of {@code kernel-shap}: read, recorded, and it matters. */
class KernelShapOptionsTest {
  private static Explanation explain(ExplanationParameters p) {
    return Providers.explainRandomPair("kernel-shap", p);
  }

  private static ExplanationParameters params() {
    return ExplanationParameters.defaults()
        .withSides(EnumSet.of(Side.TARGET))
        .withSegmentation(Segmentation.grid(4, 4))
        .withCensor(Censor.blur(2))
        .withBudget(120)
        .withSeed(3);
  }

  @Test
  void sizeEffectsAreOnByDefaultAndCanBeSwitchedOff() {
    Explanation byDefault = explain(params());
    Explanation on = explain(params().withOption("size-effects", "true"));
    Explanation off = explain(params().withOption("size-effects", "false"));
    double[] d = byDefault.map(Side.TARGET).orElseThrow().values();
    assertEquals(
        java.util.Arrays.toString(d),
        java.util.Arrays.toString(on.map(Side.TARGET).orElseThrow().values()));
    assertFalse(
        java.util.Arrays.equals(d, off.map(Side.TARGET).orElseThrow().values()),
        "a sampled design with and without size effects should differ");
    assertEquals("false", off.parameters().options().get("size-effects"));
    for (Explanation e : new Explanation[] {on, off}) {
      double sum = java.util.Arrays.stream(e.map(Side.TARGET).orElseThrow().values()).sum();
      assertEquals(e.fullValue() - e.baseValue(), sum, 1e-9, "efficiency");
    }
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> explain(params().withOption("size-effects", "maybe")))
            .getMessage()
            .contains("size-effects"));
  }
}
