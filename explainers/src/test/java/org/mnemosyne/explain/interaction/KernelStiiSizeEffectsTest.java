package org.mnemosyne.explain.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnemosyne.explain.OracleGames;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.FunctionGame;
import org.mnemosyne.explain.game.Interactions;

/**
 * Kernel STII with a free intercept per coalition size: exact given every coalition, efficient on
 * sampled designs, and exact from a sampled design on games "quadratic plus a function of the
 * size", where plain Kernel STII is not.
 */
class KernelStiiSizeEffectsTest {
  private static final KernelStii WITH = new KernelStii(false, 0, true, true);
  private static final KernelStii WITHOUT = new KernelStii(false, 0, true, false);

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 6, 8, 10})
  void givenEveryCoalitionItIsExactStii(int m) {
    double[] v = OracleGames.randomGame(m, 900 + m);
    for (KernelStii k : new KernelStii[] {WITH, new KernelStii(true, 0, true, true)}) {
      Interactions in = k.estimate(OracleGames.game(v, 1 << m, 7), 3);
      assertTrue(OracleGames.maxDiff(OracleGames.pairIndicesByFormula(v), in.pairs()) < 1e-9);
      assertTrue(
          OracleGames.maxDiff(OracleGames.shapleyByFormula(v), in.playerValues()) < 1e-9,
          () -> java.util.Arrays.toString(in.playerValues()));
      assertEquals(0, in.errorEstimate());
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void sampledDesignsKeepEfficiency(boolean paired) {
    int m = 12;
    double[] v = OracleGames.randomGame(m, 913);
    Interactions in =
        new KernelStii(paired, 0, true, true).estimate(OracleGames.game(v, 600, 8), 5);
    double total = 0;
    for (int i = 0; i < m; i++) {
      total += in.mainEffects()[i];
      for (int j = i + 1; j < m; j++) {
        total += in.pair(i, j);
      }
    }
    assertEquals(v[v.length - 1] - v[0], total, 1e-9);
    assertEquals(v[v.length - 1] - v[0], in.asPlayerValues().sum(), 1e-9);
    assertTrue(in.errorEstimate() > 0);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void quadraticPlusSizeEffectIsExactFromASampledDesign(long seed) {
    int m = 12;
    SplittableRandom rng = new SplittableRandom(seed);
    double[] a = new double[m];
    double[][] b = new double[m][m];
    for (int i = 0; i < m; i++) {
      a[i] = rng.nextGaussian();
      for (int j = i + 1; j < m; j++) {
        b[i][j] = rng.nextGaussian();
      }
    }
    // strongly concave in the number of players present, like the censored-image games
    ToDoubleFunction<Coalition> v =
        c -> {
          int[] p = c.members();
          double s = 0;
          for (int x = 0; x < p.length; x++) {
            s += a[p[x]];
            for (int y = x + 1; y < p.length; y++) {
              s += b[p[x]][p[y]];
            }
          }
          return s + size(c.size());
        };
    // the size part is symmetric: main effects f(1) - f(0), every pair the same share of the rest
    double share = (size(m) - size(0) - m * (size(1) - size(0))) / (m * (m - 1) / 2.0);
    double[][] exact = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        exact[i][j] = b[i][j] + share;
        exact[j][i] = exact[i][j];
      }
    }
    double with = OracleGames.maxDiff(exact, WITH.estimate(budget(m, v, 300), seed).pairs());
    double without = OracleGames.maxDiff(exact, WITHOUT.estimate(budget(m, v, 300), seed).pairs());
    assertTrue(with < 1e-9, "size effects should absorb the size part exactly: " + with);
    assertTrue(without > 1e-3, "plain Kernel STII leaks the size part: " + without);
  }

  @Test
  void needsTheSingletonConstraints() {
    assertThrows(IllegalArgumentException.class, () -> new KernelStii(false, 0, false, true));
  }

  @Test
  void isTheDefault() {
    assertTrue(KernelStii.defaults().sizeEffects());
  }

  private static double size(int s) {
    return 10 * Math.sqrt(s) - 3 * Math.log1p((double) s * s);
  }

  private static FunctionGame budget(int m, ToDoubleFunction<Coalition> v, long budget) {
    return FunctionGame.builder(m, v).budget(budget).build();
  }
}
