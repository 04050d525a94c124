package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.cam.CamExplainer;

/**
 * Registers {@code joint-cam}: joint CAM ({@link CamExplainer}); option {@code normalise} (default
 * true).
 */
public final class JointCamProvider extends BuiltInExplainerProvider {

  /** The provider. */
  public JointCamProvider() {
    super(
        "joint-cam",
        "Joint CAM: closed-form correspondence as inner products of local features, one forward pass per image",
        Order.JOINT,
        true,
        Set.of("grey-box", "joint", "closed-form"));
  }

  @Override
  public Explainer create(PluginContext context) {
    return new CamExplainer(name(), version(), Order.JOINT);
  }
}
