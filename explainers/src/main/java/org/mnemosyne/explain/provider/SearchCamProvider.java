package org.mnemosyne.explain.provider;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.cam.CamExplainer;

/**
 * Registers {@code search-cam}: Search-CAM ({@link CamExplainer}); option {@code normalise}
 * (default true).
 */
public final class SearchCamProvider extends BuiltInExplainerProvider {

  /** The provider. */
  public SearchCamProvider() {
    super(
        "search-cam",
        "Search-CAM: closed-form segment importance from feature maps, one forward pass per image",
        Order.FIRST,
        true,
        Set.of("grey-box", "first-order", "closed-form"));
  }

  @Override
  public Explainer create(PluginContext context) {
    return new CamExplainer(name(), version(), Order.FIRST);
  }
}
