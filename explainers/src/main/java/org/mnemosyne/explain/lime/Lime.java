package org.mnemosyne.explain.lime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.FirstOrderEstimator;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.PlayerValues;

/**
 * First-order LIME for search (Ribeiro et al., as in the {@code lime} image explainer): the values
 * are the coefficients of the ridge fit of {@link LimeRegression} over samples from {@link
 * LimeSampler} (linear features {@code z_i}). Defaults follow the original image explainer: keep
 * probability 0.5, kernel width 0.25, ridge alpha 1.
 *
 * <p>Costs {@code v(empty)} (for the reported base value) plus one evaluation per distinct sample;
 * repeated samples are free but still count as rows. Samples are taken until {@code samples} (0: as
 * many as the budget allows, at most one per remaining evaluation) or the budget is reached. Needs
 * at least 3 evaluations. LIME has no error indicator of its own (NaN). Immutable; thread-safe.
 *
 * @param samples maximum number of samples, 0 for the budget
 * @param keepProbability probability that a player is present in a sample
 * @param kernelWidth the kernel width
 * @param alpha the ridge penalty on the coefficients
 */
public record Lime(int samples, double keepProbability, double kernelWidth, double alpha)
    implements FirstOrderEstimator {

  /** Validates. */
  public Lime {
    if (samples < 0 || !(kernelWidth > 0) || !(alpha >= 0)) {
      throw new IllegalArgumentException("LIME needs samples >= 0, width > 0, alpha >= 0");
    }
    new LimeSampler(keepProbability);
  }

  /** The defaults of the original image explainer, budget-limited samples. */
  public static Lime defaults() {
    return new Lime(0, 0.5, 0.25, 1.0);
  }

  @Override
  public long minimumBudget(int players) {
    return 3;
  }

  @Override
  public PlayerValues estimate(Game game, long seed) {
    int m = game.players();
    Coalition empty = Coalition.empty(m);
    if (game.remainingBudget() < 3 || !game.tryReserve(List.of(empty))) {
      throw new IllegalArgumentException(
          "LIME needs at least 3 evaluations; the budget leaves " + game.remainingBudget());
    }
    int max = samples > 0 ? samples : (int) Math.min(Integer.MAX_VALUE, game.remainingBudget());
    List<Coalition> drawn = new LimeSampler(keepProbability).draw(game, max, seed);
    List<Coalition> all = new ArrayList<>(drawn);
    all.add(empty);
    double[] v = game.values(all);
    double[] beta = LimeRegression.fit(drawn, v, Coalition::members, m, kernelWidth, alpha);
    return new PlayerValues(Arrays.copyOfRange(beta, 1, m + 1), v[v.length - 1], v[0], Double.NaN);
  }
}
