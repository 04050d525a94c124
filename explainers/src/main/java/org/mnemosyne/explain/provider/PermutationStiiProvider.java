package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.interaction.PermutationStii;

/**
 * Registers {@code permutation-stii}: the permutation estimator ({@link PermutationStii}); option
 * {@code sampling}: {@code permutations} (default) or {@code pairs} (per-pair Monte-Carlo).
 */
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
        name(),
        version(),
        orders(),
        Set.of("sampling"),
        o ->
            GameExplainer.Plan.of(
                new PermutationStii(
                    o.choice("sampling", "permutations", Set.of("permutations", "pairs"))
                        .equals("pairs"))));
  }
}
