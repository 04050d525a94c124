package org.mnemosyne.api.explain;

import java.util.Set;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.plugin.PluginKind;
import org.mnemosyne.api.plugin.PluginProvider;

/**
 * Provides an {@link Explainer}. Register implementations in {@code
 * META-INF/services/org.mnemosyne.api.explain.ExplainerProvider}.
 */
public interface ExplainerProvider extends PluginProvider {

  @Override
  default PluginKind kind() {
    return PluginKind.EXPLAINER;
  }

  /** The orders this explainer computes. */
  Set<Order> orders();

  /**
   * Whether the explainer needs {@link SimilarityFunction#greyBox()} (e.g. CAM); black-box
   * explainers return false.
   */
  boolean requiresGreyBox();

  /** Creates the explainer; may be called more than once. */
  Explainer create(PluginContext context);
}
