package org.mnemosyne.explain.report;

import java.util.Objects;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.Segmentation;

/**
 * How the report runs each explainer and scores it. Sampled and closed-form explainers use {@code
 * grid} (first order, target side) or {@code jointGrid} on both images (joint); explainers with the
 * {@code exact} capability enumerate every coalition, so they get the coarser {@code exactGrid} or
 * {@code exactJointGrid} and the budget that enumeration needs. Deletion and insertion are measured
 * on {@code grid} for every explainer (maps on other units are averaged onto it). Immutable.
 *
 * @param grid first-order units and the units of the deletion and insertion curves
 * @param jointGrid units on each image for joint explainers
 * @param exactGrid first-order units for exact explainers
 * @param exactJointGrid units on each image for exact joint explainers
 * @param censor what an absent segment becomes
 * @param budget evaluations per first-order explanation
 * @param jointBudget evaluations per joint explanation
 * @param steps steps of the deletion and insertion curves
 * @param seed seed of the main run; the seed-consistency run uses {@code seed + 1}
 * @param batchSize pairs per model call
 * @param minCoverage share of a segment's pixels an object must cover to belong to its region
 */
public record ReportSettings(
    Segmentation grid,
    Segmentation jointGrid,
    Segmentation exactGrid,
    Segmentation exactJointGrid,
    Censor censor,
    int budget,
    int jointBudget,
    int steps,
    long seed,
    int batchSize,
    double minCoverage) {

  /** Validates. */
  public ReportSettings {
    for (Segmentation s : new Segmentation[] {grid, jointGrid, exactGrid, exactJointGrid}) {
      if (Objects.requireNonNull(s, "grids").kind() != Segmentation.Kind.GRID) {
        throw new IllegalArgumentException("the report's units must be regular grids");
      }
    }
    Objects.requireNonNull(censor, "censor");
    if (budget < 2 || jointBudget < 2 || steps < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "budgets must be at least 2, steps and batch size at least 1");
    }
    if (!(minCoverage > 0 && minCoverage <= 1)) {
      throw new IllegalArgumentException("minimum coverage must be in (0, 1]");
    }
  }

  /**
   * The defaults, sized for a few minutes per six pairs on two cores: first order on 3 x 3 at 64
   * evaluations, joint on 2 x 2 + 2 x 2 at 96, exact on the same units (so that their enumeration
   * also serves the other explainers' reruns from the memo), Gaussian blur 8, 8 curve steps, seed
   * 1, batch 32, coverage 0.5.
   */
  public static ReportSettings defaults() {
    return new ReportSettings(
        Segmentation.grid(3, 3),
        Segmentation.grid(2, 2),
        Segmentation.grid(3, 3),
        Segmentation.grid(2, 2),
        Censor.blur(8),
        64,
        96,
        8,
        1,
        32,
        0.5);
  }

  /** Players of a grid. */
  static int cells(Segmentation grid) {
    return grid.rows() * grid.columns();
  }
}
