package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginContext;

/** Registers {@code joint-sbsm}: second-order SBSM ({@link SbsmOptions}). */
public final class JointSbsmProvider extends BuiltInExplainerProvider {

  /** The provider. */
  public JointSbsmProvider() {
    super(
        "joint-sbsm",
        "Joint SBSM: correspondences from independent random masks of both images",
        Order.JOINT,
        false,
        Set.of("black-box", "joint", "sampled"));
  }

  @Override
  public Explainer create(PluginContext context) {
    return new GameExplainer(name(), version(), orders(), SbsmOptions.KEYS, SbsmOptions::plan);
  }
}
