package org.mnemosyne.explain.provider;

import java.util.Objects;
import java.util.Set;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.plugin.PluginApi;

/**
 * What the built-in providers share: identity, orders, grey-box need and capability tags, all
 * constant. Subclasses only say how to create their explainer. Cheap and thread-safe, as the plugin
 * contract requires.
 */
abstract class BuiltInExplainerProvider implements ExplainerProvider {
  /**
   * The version of every built-in explainer; bump when results change (cached explanations are
   * keyed by it). 1.1.0: Kernel SHAP fits size effects by default; 1.2.0: so does Kernel STII;
   * 1.3.0: Kernel SHAP shares its draws among the sizes in proportion to the square root of the
   * mass.
   */
  static final String VERSION = "1.3.0";

  private final String name;
  private final String description;
  private final Set<Order> orders;
  private final boolean greyBox;
  private final Set<String> capabilities;

  BuiltInExplainerProvider(
      String name, String description, Order order, boolean greyBox, Set<String> capabilities) {
    this.name = Objects.requireNonNull(name);
    this.description = Objects.requireNonNull(description);
    this.orders = Set.of(order);
    this.greyBox = greyBox;
    this.capabilities = Set.copyOf(capabilities);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String version() {
    return VERSION;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final Set<String> capabilities() {
    return capabilities;
  }

  @Override
  public final int apiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public final Set<Order> orders() {
    return orders;
  }

  @Override
  public final boolean requiresGreyBox() {
    return greyBox;
  }
}
