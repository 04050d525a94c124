package org.mnemosyne.web.explain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;

/**
 * What a visitor asks to have explained.
 *
 * @param query the query image
 * @param target the compared image
 * @param explainer explainer name
 * @param order first order or joint
 * @param segmentation {@code grid}, {@code slic} or {@code cells} (the model's feature cells)
 * @param grid cells per side for {@code grid}; segments for {@code slic} is grid²
 * @param budget model evaluations at most
 * @param seed random seed
 */
public record ExplainRequest(
    ImageRef query,
    ImageRef target,
    String explainer,
    Order order,
    String segmentation,
    int grid,
    int budget,
    long seed) {
  /** Largest grid. */
  public static final int MAX_GRID = 14;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException with the reason
   */
  public ExplainRequest {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(order, "order");
    if (explainer == null || explainer.isBlank()) {
      throw new IllegalArgumentException("choose an explainer");
    }
    segmentation = segmentation == null ? "grid" : segmentation.trim().toLowerCase(Locale.ROOT);
    if (!segmentation.equals("grid")
        && !segmentation.equals("slic")
        && !segmentation.equals("cells")) {
      throw new IllegalArgumentException("segmentation must be grid, slic or cells");
    }
    if (grid < 2 || grid > MAX_GRID) {
      throw new IllegalArgumentException(
          "grid must be between 2 and " + MAX_GRID + " cells per side");
    }
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be at least 1 model evaluation");
    }
  }

  /**
   * Reads an order name.
   *
   * @throws IllegalArgumentException for anything but first/joint
   */
  public static Order order(String text) {
    if (text == null || text.isBlank()) {
      return Order.FIRST;
    }
    try {
      return Order.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("order must be FIRST or JOINT, not “" + text + "”");
    }
  }

  /** The explainer parameters this request means. */
  public ExplanationParameters parameters() {
    Segmentation s =
        switch (segmentation) {
          case "slic" -> Segmentation.slic(grid * grid, 10);
          case "cells" -> Segmentation.featureCells();
          default -> Segmentation.grid(grid, grid);
        };
    return ExplanationParameters.defaults()
        .withOrder(order)
        .withSides(EnumSet.allOf(Side.class))
        .withSegmentation(s)
        .withBudget(budget)
        .withSeed(seed);
  }
}
