package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.lime.JointLime;

/** Registers {@code joint-lime}: second-order LIME ({@link JointLime}); options as {@code lime}. */
public final class JointLimeProvider extends BuiltInExplainerProvider {

  /** The provider. */
  public JointLimeProvider() {
    super(
        "joint-lime",
        "Joint LIME: pair coefficients of a locally weighted quadratic ridge regression on random masks of both images",
        Order.JOINT,
        false,
        Set.of("black-box", "joint", "sampled"));
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
                new JointLime(
                    LimeOptions.samples(o),
                    LimeOptions.keep(o),
                    LimeOptions.width(o),
                    LimeOptions.alpha(o))));
  }
}
