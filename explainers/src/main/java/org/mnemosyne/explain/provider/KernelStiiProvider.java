package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.interaction.KernelStii;

/**
 * Registers {@code kernel-stii}: the Kernel Shapley-Taylor estimator ({@link KernelStii}); options
 * {@code paired} (default false), {@code ridge} (default 0), {@code size-effects} (default true: a
 * free intercept per coalition size in the pair regression).
 */
public final class KernelStiiProvider extends BuiltInExplainerProvider {

  /** The provider. */
  public KernelStiiProvider() {
    super(
        "kernel-stii",
        "Kernel Shapley-Taylor: pair interactions between query and target segments from a kernel-weighted quadratic regression",
        Order.JOINT,
        false,
        Set.of("black-box", "joint", "shapley-taylor", "sampled"));
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
                new KernelStii(
                    o.flag("paired", false),
                    o.number("ridge", 0, 0, 1e6),
                    true,
                    o.flag("size-effects", true))));
  }
}
