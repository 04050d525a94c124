package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.shapley.KernelShap;

/**
 * Registers {@code kernel-shap}: Kernel SHAP ({@link KernelShap}); options {@code paired} (default
 * true), {@code ridge} (default 0), {@code size-effects} (default true: a free intercept per
 * coalition size in the regression).
 */
public final class KernelShapProvider extends BuiltInExplainerProvider {

  /** The provider. */
  public KernelShapProvider() {
    super(
        "kernel-shap",
        "Kernel SHAP: Shapley values of each segment from a Shapley-kernel regression with exact constraints",
        Order.FIRST,
        false,
        Set.of("black-box", "first-order", "shapley", "sampled"));
  }

  @Override
  public Explainer create(PluginContext context) {
    return new GameExplainer(
        name(),
        version(),
        orders(),
        Set.of("paired", "ridge", "size-effects"),
        o ->
            GameExplainer.Plan.of(
                new KernelShap(
                    o.flag("paired", true),
                    o.number("ridge", 0, 0, 1e6),
                    o.flag("size-effects", true))));
  }
}
