package org.mnemosyne.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mnemosyne.explain.game.FunctionGame;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.PlayerValues;
import org.mnemosyne.explain.interaction.ExactStii;
import org.mnemosyne.explain.interaction.KernelStii;
import org.mnemosyne.explain.interaction.PermutationStii;
import org.mnemosyne.explain.shapley.ExactShapley;
import org.mnemosyne.explain.shapley.KernelShap;

/** Efficiency, symmetry and dummy for the Shapley and Shapley-Taylor estimators. */
class AxiomsTest {
  private static final int M = 8;

  /**
   * A random game in which players 2 and 5 are symmetric (the value depends only on how many of
   * them are present) and player 7 is a dummy (never changes the value).
   */
  private static double[] symmetricWithDummy(long seed) {
    double[] base = OracleGames.randomGame(M, seed);
    double[] v = new double[1 << M];
    for (int s = 0; s < v.length; s++) {
      int t = s & ~(1 << 7);
      int has2 = (t >> 2) & 1;
      int has5 = (t >> 5) & 1;
      int canonical = t & ~(1 << 2) & ~(1 << 5);
      if (has2 + has5 >= 1) {
        canonical |= 1 << 2;
      }
      if (has2 + has5 == 2) {
        canonical |= 1 << 5;
      }
      v[s] = base[canonical];
    }
    return v;
  }

  private static List<Function<Game, PlayerValues>> firstOrder() {
    return List.of(
        g -> new ExactShapley().estimate(g, 0),
        g -> KernelShap.defaults().estimate(g, 0),
        g -> KernelStii.defaults().estimate(g, 0).asPlayerValues(),
        g -> new ExactStii().estimate(g, 0).asPlayerValues());
  }

  @Test
  void shapleyEstimatorsGivenEveryCoalitionAreEfficientSymmetricAndIgnoreDummies() {
    double[] v = symmetricWithDummy(7);
    for (Function<Game, PlayerValues> estimator : firstOrder()) {
      PlayerValues phi = estimator.apply(OracleGames.game(v, 1 << M, 16));
      assertEquals(v[v.length - 1] - v[0], phi.sum(), 1e-9, "efficiency");
      assertEquals(phi.value(2), phi.value(5), 1e-9, "symmetry");
      assertEquals(0, phi.value(7), 1e-9, "dummy");
      assertTrue(Math.abs(phi.value(2)) > 1e-3, "the symmetric players do matter");
    }
  }

  @Test
  void pairIndicesOfADummyAreZeroAndSymmetricPlayersMirror() {
    double[] v = symmetricWithDummy(11);
    for (Interactions in :
        List.of(
            new ExactStii().estimate(OracleGames.game(v), 0),
            KernelStii.defaults().estimate(OracleGames.game(v, 1 << M, 16), 0))) {
      for (int j = 0; j < M; j++) {
        if (j != 7) {
          assertEquals(0, in.pair(7, j), 1e-9);
        }
        if (j != 2 && j != 5) {
          assertEquals(in.pair(2, j), in.pair(5, j), 1e-9);
        }
      }
    }
  }

  @Test
  void kernelShapIsEfficientEvenWhenSampled() {
    double[] v = OracleGames.randomGame(12, 3);
    PlayerValues phi = KernelShap.defaults().estimate(OracleGames.game(v, 300, 8), 5);
    assertEquals(v[v.length - 1] - v[0], phi.sum(), 1e-9);
    assertTrue(phi.errorEstimate() > 0, "a sampled estimate reports a positive error indicator");
  }

  @Test
  void kernelStiiIsEfficientEvenWhenSampled() {
    double[] v = OracleGames.randomGame(12, 4);
    Interactions k = KernelStii.defaults().estimate(OracleGames.game(v, 600, 8), 5);
    double total = 0;
    for (int i = 0; i < 12; i++) {
      total += k.mainEffects()[i];
      for (int j = i + 1; j < 12; j++) {
        total += k.pair(i, j);
      }
    }
    assertEquals(v[v.length - 1] - v[0], total, 1e-9);
    assertEquals(v[v.length - 1] - v[0], k.asPlayerValues().sum(), 1e-9);
  }

  @Test
  void sampledEstimatesApproachTheExactOnesAsTheBudgetGrows() {
    int m = 11;
    double[] v = OracleGames.randomGame(m, 21);
    double[] exact = OracleGames.shapleyByFormula(v);
    double[][] exactPairs = OracleGames.pairIndicesByFormula(v);
    double shapSmall = rms(exact, KernelShap.defaults().estimate(OracleGames.game(v, 200, 8), 1));
    double shapLarge = rms(exact, KernelShap.defaults().estimate(OracleGames.game(v, 1800, 8), 1));
    assertTrue(shapLarge < shapSmall, shapLarge + " vs " + shapSmall);
    double stiiSmall =
        OracleGames.maxDiff(
            exactPairs, KernelStii.defaults().estimate(OracleGames.game(v, 300, 8), 1).pairs());
    double stiiLarge =
        OracleGames.maxDiff(
            exactPairs, KernelStii.defaults().estimate(OracleGames.game(v, 1900, 8), 1).pairs());
    assertTrue(stiiLarge < stiiSmall, stiiLarge + " vs " + stiiSmall);
  }

  @Test
  void permutationStiiIsExactForAGameWithOnlyPairDividends() {
    // v(S) = sum over pairs in S of w_ij: delta_ij v(T) = w_ij for every T, so one sample suffices
    int m = 7;
    double[][] w = new double[m][m];
    Random r = new Random(5);
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        w[i][j] = r.nextGaussian();
      }
    }
    FunctionGame game =
        FunctionGame.builder(
                m,
                c -> {
                  double s = 0;
                  int[] members = c.members();
                  for (int a = 0; a < members.length; a++) {
                    for (int b = a + 1; b < members.length; b++) {
                      s += w[members[a]][members[b]];
                    }
                  }
                  return s;
                })
            .build();
    for (boolean perPair : new boolean[] {false, true}) {
      FunctionGame fresh =
          FunctionGame.builder(m, c -> game.value(c))
              .budget(new PermutationStii(perPair).minimumBudget(m))
              .build();
      Interactions in = new PermutationStii(perPair).estimate(fresh, 3);
      for (int i = 0; i < m; i++) {
        for (int j = i + 1; j < m; j++) {
          assertEquals(w[i][j], in.pair(i, j), 1e-12, "perPair=" + perPair);
        }
      }
      assertTrue(fresh.evaluations() <= new PermutationStii(perPair).minimumBudget(m));
    }
  }

  @Test
  void permutationStiiConvergesToTheExactIndices() {
    int m = 6;
    double[] v = OracleGames.randomGame(m, 8);
    double[][] exact = OracleGames.pairIndicesByFormula(v);
    for (boolean perPair : new boolean[] {false, true}) {
      Interactions in = new PermutationStii(perPair).estimate(OracleGames.game(v, 400_000, 64), 9);
      double err = OracleGames.maxDiff(exact, in.pairs());
      assertTrue(err < 0.08, perPair + ": " + err);
      assertTrue(in.errorEstimate() > 0 && in.errorEstimate() < 0.05, "" + in.errorEstimate());
    }
  }

  private static double rms(double[] exact, PlayerValues est) {
    double s = 0;
    for (int i = 0; i < exact.length; i++) {
      s += Math.pow(exact[i] - est.value(i), 2);
    }
    return Math.sqrt(s / exact.length);
  }
}
