package org.mnemosyne.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.PlayerValues;
import org.mnemosyne.explain.interaction.ExactStii;
import org.mnemosyne.explain.interaction.KernelStii;
import org.mnemosyne.explain.shapley.ExactShapley;
import org.mnemosyne.explain.shapley.KernelShap;

/**
 * Random Gaussian set functions, M = 2..10, enumerated exactly: the exact engines against the
 * textbook formulas, and the kernel estimators given every coalition against the exact engines.
 */
class RandomGameOracleTest {

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10})
  void exactShapleyMatchesTheMarginalContributionFormula(int m) {
    double[] v = OracleGames.randomGame(m, 100 + m);
    PlayerValues phi = new ExactShapley().estimate(OracleGames.game(v), 0);
    assertTrue(OracleGames.maxDiff(OracleGames.shapleyByFormula(v), phi.values()) < 1e-12);
    assertEquals(v[v.length - 1] - v[0], phi.sum(), 1e-12, "efficiency");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10})
  void exactStiiMatchesTheDiscreteDerivativeFormula(int m) {
    double[] v = OracleGames.randomGame(m, 200 + m);
    Interactions stii = new ExactStii().estimate(OracleGames.game(v), 0);
    assertTrue(OracleGames.maxDiff(OracleGames.pairIndicesByFormula(v), stii.pairs()) < 1e-12);
    double total = 0;
    for (int i = 0; i < m; i++) {
      assertEquals(v[1 << i] - v[0], stii.mainEffects()[i], 1e-12);
      total += stii.mainEffects()[i];
      for (int j = i + 1; j < m; j++) {
        total += stii.pair(i, j);
      }
    }
    assertEquals(v[v.length - 1] - v[0], total, 1e-12, "STII efficiency");
    assertTrue(OracleGames.maxDiff(OracleGames.shapleyByFormula(v), stii.playerValues()) < 1e-12);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10})
  void kernelShapGivenEveryCoalitionIsExactShapley(int m) {
    double[] v = OracleGames.randomGame(m, 300 + m);
    PlayerValues phi = KernelShap.defaults().estimate(OracleGames.game(v, 1 << m, 5), 1);
    assertTrue(
        OracleGames.maxDiff(OracleGames.shapleyByFormula(v), phi.values()) < 1e-6,
        () -> java.util.Arrays.toString(phi.values()));
    assertEquals(v[v.length - 1] - v[0], phi.sum(), 1e-9);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 5, 6, 7, 8, 9, 10})
  void kernelStiiGivenEveryCoalitionIsExactStii(int m) {
    double[] v = OracleGames.randomGame(m, 400 + m);
    Interactions k = KernelStii.defaults().estimate(OracleGames.game(v, 1 << m, 3), 1);
    assertTrue(OracleGames.maxDiff(OracleGames.pairIndicesByFormula(v), k.pairs()) < 1e-6);
    assertTrue(OracleGames.maxDiff(OracleGames.shapleyByFormula(v), k.playerValues()) < 1e-6);
    assertEquals(0, k.errorEstimate());
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 7, 9})
  void droppingTheSizeOneConstraintGivesWrongPairValues(int m) {
    // regression test for the third-party pitfall (ALGORITHMS.md A.5.3): same coalitions, same
    // kernel, but size-1 coalitions dropped instead of constrained
    double[] v = OracleGames.randomGame(m, 500 + m);
    double[][] exact = OracleGames.pairIndicesByFormula(v);
    Interactions right =
        new KernelStii(true, 0, true, false).estimate(OracleGames.game(v, 1 << m, 4), 0);
    Interactions wrong =
        new KernelStii(true, 0, false, false).estimate(OracleGames.game(v, 1 << m, 4), 0);
    assertTrue(OracleGames.maxDiff(exact, right.pairs()) < 1e-6);
    assertTrue(
        OracleGames.maxDiff(exact, wrong.pairs()) > 0.05,
        "dropping size 1 should visibly bias the pairs: "
            + OracleGames.maxDiff(exact, wrong.pairs()));
  }
}
