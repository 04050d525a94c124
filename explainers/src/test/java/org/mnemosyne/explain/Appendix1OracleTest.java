package org.mnemosyne.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnemosyne.explain.game.Enumeration;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.PlayerValues;
import org.mnemosyne.explain.interaction.ExactStii;
import org.mnemosyne.explain.interaction.KernelStii;
import org.mnemosyne.explain.sbsm.SbsmAggregator;
import org.mnemosyne.explain.shapley.ExactShapley;
import org.mnemosyne.explain.shapley.KernelShap;

/** Every number of the worked 3-player game of ALGORITHMS.md Appendix 1. */
class Appendix1OracleTest {
  private static final double[] V = OracleGames.APPENDIX_1;
  private static final double EPS = 1e-12;

  @Test
  void harsanyiDividends() {
    // bits: {}, a, b, ab, c, ac, bc, abc
    assertArrayEquals(new double[] {0, 1, 2, 1, 0, 0, 1, 2}, Enumeration.dividends(V), EPS);
  }

  @Test
  void exactShapleyValues() {
    PlayerValues phi = new ExactShapley().estimate(OracleGames.game(V), 0);
    assertArrayEquals(new double[] {13.0 / 6, 11.0 / 3, 7.0 / 6}, phi.values(), EPS);
    assertEquals(7, phi.sum(), EPS);
    assertEquals(0, phi.baseValue());
    assertEquals(7, phi.fullValue());
  }

  @Test
  void exactShapleyTaylorIndices() {
    Interactions stii = new ExactStii().estimate(OracleGames.game(V), 0);
    assertArrayEquals(new double[] {1, 2, 0}, stii.mainEffects(), EPS);
    assertEquals(5.0 / 3, stii.pair(0, 1), EPS);
    assertEquals(2.0 / 3, stii.pair(0, 2), EPS);
    assertEquals(5.0 / 3, stii.pair(1, 2), EPS);
    double total = 0;
    for (double m : stii.mainEffects()) {
      total += m;
    }
    total += stii.pair(0, 1) + stii.pair(0, 2) + stii.pair(1, 2);
    assertEquals(7, total, EPS);
    // phi_a = Phi(a) + (Phi(ab) + Phi(ac)) / 2 = 13/6
    assertArrayEquals(new double[] {13.0 / 6, 11.0 / 3, 7.0 / 6}, stii.playerValues(), EPS);
  }

  @Test
  void kernelShapWithEveryCoalitionIsExact() {
    PlayerValues phi = KernelShap.defaults().estimate(OracleGames.game(V, 8, 3), 0);
    assertArrayEquals(new double[] {13.0 / 6, 11.0 / 3, 7.0 / 6}, phi.values(), 1e-10);
    assertEquals(0, phi.errorEstimate());
  }

  @Test
  void kernelShapleyTaylorRedistributesTheTripleDividendEqually() {
    Interactions k = KernelStii.defaults().estimate(OracleGames.game(V, 8, 2), 0);
    assertEquals(5.0 / 3, k.pair(0, 1), 1e-10);
    assertEquals(2.0 / 3, k.pair(0, 2), 1e-10);
    assertEquals(5.0 / 3, k.pair(1, 2), 1e-10);
    assertArrayEquals(new double[] {1, 2, 0}, k.mainEffects(), 1e-12);
    assertArrayEquals(new double[] {13.0 / 6, 11.0 / 3, 7.0 / 6}, k.playerValues(), 1e-10);
  }

  @Test
  void banzhafAndRiseStyleValuesFromUniformMasks() {
    // SBSM's definition averaged over every coalition with equal weight is E[v(S) | i in S], p =
    // 0.5
    List<double[]> presence = new ArrayList<>();
    double[] scores = new double[8];
    for (int s = 0; s < 8; s++) {
      presence.add(new double[] {s & 1, (s >> 1) & 1, (s >> 2) & 1});
      scores[s] = V[s];
    }
    assertArrayEquals(
        new double[] {3.25, 4.0, 2.75}, SbsmAggregator.firstOrder(scores, presence, false), EPS);
    // visible minus hidden is the Banzhaf value, which sums to 6.5, not 7 (no efficiency)
    assertArrayEquals(
        new double[] {2.0, 3.5, 1.0}, SbsmAggregator.firstOrder(scores, presence, true), EPS);
  }
}
