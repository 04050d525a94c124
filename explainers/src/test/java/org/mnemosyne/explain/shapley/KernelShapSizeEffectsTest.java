package org.mnemosyne.explain.shapley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnemosyne.explain.OracleGames;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.FunctionGame;
import org.mnemosyne.explain.game.PlayerValues;

/**
 * Kernel SHAP with a free intercept per coalition size: exact given every coalition, efficient on
 * sampled designs, and exact from a sampled design on games "additive plus a function of the size",
 * where plain Kernel SHAP is not.
 */
class KernelShapSizeEffectsTest {
  private static final KernelShap WITH = new KernelShap(true, 0, true);
  private static final KernelShap WITHOUT = new KernelShap(true, 0, false);

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 8, 10})
  void givenEveryCoalitionItIsExactShapley(int m) {
    double[] v = OracleGames.randomGame(m, 700 + m);
    PlayerValues phi = WITH.estimate(OracleGames.game(v, 1 << m, 7), 3);
    assertTrue(
        OracleGames.maxDiff(OracleGames.shapleyByFormula(v), phi.values()) < 1e-9,
        () -> java.util.Arrays.toString(phi.values()));
    assertEquals(0, phi.errorEstimate());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void sampledDesignsKeepEfficiency(boolean paired) {
    double[] v = OracleGames.randomGame(12, 812);
    PlayerValues phi = new KernelShap(paired, 0, true).estimate(OracleGames.game(v, 300, 8), 5);
    assertEquals(v[v.length - 1] - v[0], phi.sum(), 1e-9);
    assertTrue(phi.errorEstimate() > 0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void additivePlusSizeEffectIsExactFromASampledDesign(long seed) {
    int m = 16;
    SplittableRandom rng = new SplittableRandom(seed);
    double[] a = new double[m];
    for (int i = 0; i < m; i++) {
      a[i] = rng.nextGaussian();
    }
    // strongly concave in the number of players present, like the censored-image games
    java.util.function.ToDoubleFunction<Coalition> v =
        c -> {
          double s = 0;
          for (int i : c.members()) {
            s += a[i];
          }
          return s + 10 * Math.sqrt(c.size()) - 3 * Math.log1p(c.size() * c.size());
        };
    double sizePart = (10 * Math.sqrt(m) - 3 * Math.log1p((double) m * m)) / m;
    double[] exact = new double[m];
    for (int i = 0; i < m; i++) {
      exact[i] = a[i] + sizePart;
    }
    double with = OracleGames.maxDiff(exact, WITH.estimate(budget(m, v, 400), seed).values());
    double without = OracleGames.maxDiff(exact, WITHOUT.estimate(budget(m, v, 400), seed).values());
    assertTrue(with < 1e-9, "size effects should absorb the size part exactly: " + with);
    assertTrue(without > 1e-3, "plain Kernel SHAP leaks the size part: " + without);
  }

  @Test
  void reducesTheErrorOnAConcaveGameWithInteractions() {
    // additive + strong size effect + a weak random pairwise-and-triple part: not exact any more,
    // but the error shrinks because the size effect no longer leaks
    int m = 14;
    SplittableRandom rng = new SplittableRandom(9);
    double[] a = new double[m];
    double[] t = new double[m];
    for (int i = 0; i < m; i++) {
      a[i] = rng.nextGaussian();
      t[i] = 0.2 * rng.nextGaussian();
    }
    java.util.function.ToDoubleFunction<Coalition> v =
        c -> {
          double s = 0;
          double cube = 0;
          for (int i : c.members()) {
            s += a[i];
            cube += t[i];
          }
          return s + 8 * Math.sqrt(c.size()) + cube * cube * cube;
        };
    double[] exact = new ExactShapley().estimate(FunctionGame.of(m, v), 0).values();
    double errWith = 0;
    double errWithout = 0;
    for (long seed = 1; seed <= 5; seed++) {
      errWith += OracleGames.maxDiff(exact, WITH.estimate(budget(m, v, 300), seed).values());
      errWithout += OracleGames.maxDiff(exact, WITHOUT.estimate(budget(m, v, 300), seed).values());
    }
    assertTrue(errWith < errWithout / 2, errWith + " vs " + errWithout);
  }

  private static FunctionGame budget(
      int m, java.util.function.ToDoubleFunction<Coalition> v, long budget) {
    return FunctionGame.builder(m, v).budget(budget).batchSize(16).build();
  }
}
