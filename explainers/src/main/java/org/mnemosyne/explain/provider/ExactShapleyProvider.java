package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.shapley.ExactShapley;

/**
 * Registers {@code exact-shapley}: exact Shapley values ({@link ExactShapley}); option {@code
 * max-players} (default 14, at most 24).
 */
public final class ExactShapleyProvider extends BuiltInExplainerProvider {

  /** The provider. */
  public ExactShapleyProvider() {
    super(
        "exact-shapley",
        "Exact Shapley values of each segment by enumerating every coalition (small segmentations)",
        Order.FIRST,
        false,
        Set.of("black-box", "first-order", "shapley", "exact"));
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
                new ExactShapley(
                    o.integer("max-players", ExactShapley.DEFAULT_MAX_PLAYERS, 1, 24))));
  }
}
