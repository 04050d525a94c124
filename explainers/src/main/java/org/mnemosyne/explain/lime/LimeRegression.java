package org.mnemosyne.explain.lime;

import java.util.List;
import java.util.function.Function;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.linalg.ConstrainedLeastSquares;
import org.mnemosyne.explain.linalg.NormalEquations;

/**
 * LIME's fit: ridge regression {@code min sum_k pi_k (y_k - b0 - b . f(z_k))^2 + alpha |b|^2} with
 * an unpenalised intercept {@code b0} and sample weights {@code pi_k = sqrt(exp(-D(z_k)^2 /
 * width^2))}, {@code D(z) = 1 - cos(z, 1) = 1 - sqrt(|z| / M)} the cosine distance of the coalition
 * vector to the unmasked one ({@code D = 1} for the empty coalition). Stateless; thread-safe.
 */
public final class LimeRegression {
  private LimeRegression() {}

  /** LIME's sample weight of a coalition. */
  public static double weight(Coalition z, double kernelWidth) {
    double d = z.size() == 0 ? 1.0 : 1.0 - Math.sqrt((double) z.size() / z.players());
    return Math.sqrt(Math.exp(-d * d / (kernelWidth * kernelWidth)));
  }

  /**
   * Fits.
   *
   * @param samples the coalitions, duplicates allowed (each is a row)
   * @param values their values
   * @param features indices (from 0) of the features that are 1 for a coalition
   * @param features count of features (excluding the intercept)
   * @return the intercept followed by the feature coefficients
   */
  static double[] fit(
      List<Coalition> samples,
      double[] values,
      Function<Coalition, int[]> features,
      int featureCount,
      double kernelWidth,
      double alpha) {
    NormalEquations eq = new NormalEquations(featureCount + 1);
    for (int k = 0; k < samples.size(); k++) {
      Coalition z = samples.get(k);
      int[] f = features.apply(z);
      int[] ones = new int[f.length + 1];
      for (int i = 0; i < f.length; i++) {
        ones[i + 1] = f[i] + 1;
      }
      eq.addRow(ones, weight(z, kernelWidth), values[k]);
    }
    boolean[] penalised = new boolean[featureCount + 1];
    java.util.Arrays.fill(penalised, 1, penalised.length, true);
    return ConstrainedLeastSquares.solve(eq.matrix(), eq.rightHandSide(), penalised, alpha, null, 0)
        .x();
  }
}
