package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.lime.Lime;

/**
 * Registers {@code lime}: LIME ({@link Lime}); options {@code samples} (0: budget), {@code
 * keep-probability} (0.5), {@code kernel-width} (0.25), {@code alpha} (1).
 */
public final class LimeProvider extends BuiltInExplainerProvider {

  /** The provider. */
  public LimeProvider() {
    super(
        "lime",
        "LIME: coefficients of a locally weighted ridge regression on random segment masks",
        Order.FIRST,
        false,
        Set.of("black-box", "first-order", "sampled"));
  }

  @Override
  public Explainer create(PluginContext context) {
    return new GameExplainer(
        name(),
        version(),
        orders(),
        LimeOptions.KEYS,
        o ->
            GameExplainer.Plan.of(
                new Lime(
                    LimeOptions.samples(o),
                    LimeOptions.keep(o),
                    LimeOptions.width(o),
                    LimeOptions.alpha(o))));
  }
}
