package org.mnemosyne.plugins.occlusion;

import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginApi;
import org.mnemosyne.api.plugin.PluginContext;

/** Registers {@link OcclusionExplainer} under the name {@code occlusion}. */
public final class OcclusionExplainerProvider implements ExplainerProvider {

  @Override
  public String name() {
    return "occlusion";
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  @Override
  public String description() {
    return "Occlusion: how much the similarity drops when one grid cell of an image is censored";
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("black-box", "first-order", "example");
  }

  @Override
  public int apiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public Set<Order> orders() {
    return Set.of(Order.FIRST);
  }

  @Override
  public boolean requiresGreyBox() {
    return false;
  }

  @Override
  public Explainer create(PluginContext context) {
    return new OcclusionExplainer(name(), version());
  }
}
