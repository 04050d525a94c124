package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.interaction.ExactStii;

/**
 * Registers {@code exact-stii}: exact order-2 Shapley-Taylor indices ({@link ExactStii}); option
 * {@code max-players} (default 14, query plus target segments).
 */
public final class ExactStiiProvider extends BuiltInExplainerProvider {

  /** The provider. */
  public ExactStiiProvider() {
    super(
        "exact-stii",
        "Exact Shapley-Taylor pair interactions between query and target segments by enumerating every coalition",
        Order.JOINT,
        false,
        Set.of("black-box", "joint", "shapley-taylor", "exact"));
  }

  @Override
  public Explainer create(PluginContext context) {
    return new GameExplainer(
        name(),
        version(),
        orders(),
        Set.of("max-players"),
        o ->
            GameExplainer.Plan.of(
                new ExactStii(o.integer("max-players", ExactStii.DEFAULT_MAX_PLAYERS, 1, 24))));
  }
}
