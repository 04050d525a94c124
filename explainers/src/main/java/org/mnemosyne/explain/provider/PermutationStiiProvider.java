package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.interaction.PermutationStii;

/** Registers {@code permutation-stii}: the permutation estimator ({@link PermutationStii}). */
public final class PermutationStiiProvider extends BuiltInExplainerProvider {

  /** The provider. */
  public PermutationStiiProvider() {
    super(
        "permutation-stii",
        "Permutation sampling of Shapley-Taylor pair interactions (the baseline for kernel-stii)",
        Order.JOINT,
        false,
        Set.of("black-box", "joint", "shapley-taylor", "sampled", "baseline"));
  }

  @Override
  public Explainer create(PluginContext context) {
    return new GameExplainer(
        name(), version(), orders(), Set.of(), o -> GameExplainer.Plan.of(new PermutationStii()));
  }
}
