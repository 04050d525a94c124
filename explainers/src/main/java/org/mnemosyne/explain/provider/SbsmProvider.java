package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginContext;

/** Registers {@code sbsm}: first-order SBSM ({@link SbsmOptions}). */
public final class SbsmProvider extends BuiltInExplainerProvider {

  /** The provider. */
  public SbsmProvider() {
    super(
        "sbsm",
        "SBSM: similarity-based saliency from randomised smooth (or binary segment) masks",
        Order.FIRST,
        false,
        Set.of("black-box", "first-order", "sampled"));
  }

  @Override
  public Explainer create(PluginContext context) {
    return new GameExplainer(name(), version(), orders(), SbsmOptions.KEYS, SbsmOptions::plan);
  }
}
