package org.mnemosyne.explain.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class CoalitionDesignTest {

  /** The Shapley-Taylor size mass, which is not symmetric in s <-> M - s. */
  private static double stiiMass(int m, int s) {
    return (m - 1.0) / (Binomial.choose(s, 2) * (m - s));
  }

  @Test
  void aBudgetCoveringEverythingEnumeratesWithExactKernelWeights() {
    int m = 7;
    FunctionGame g = FunctionGame.builder(m, Coalition::size).budget(126).build();
    CoalitionDesign d = CoalitionDesign.plan(g, 1, m - 1, s -> 1.0 / s, true, 0);
    assertTrue(d.exhaustive());
    assertEquals(126, d.rows().size());
    for (CoalitionDesign.Row r : d.rows()) {
      int s = r.coalition().size();
      assertEquals(1.0 / s / Binomial.choose(m, s), r.weight(), 1e-15);
    }
    assertEquals(0, g.remainingBudget(), "every coalition is reserved");
  }

  @Test
  void importanceWeightsOfPairedSamplingMatchAnAsymmetricKernelSizeBySize() {
    // Each size's total weight must estimate that size's kernel mass, even though a complement of
    // size M - s is added with a draw of size s (unit weights would give (p(s) + p(M-s)) instead).
    int m = 20;
    FunctionGame g = FunctionGame.builder(m, Coalition::size).budget(30_000).build();
    CoalitionDesign d = CoalitionDesign.plan(g, 2, m - 1, s -> stiiMass(m, s), true, 42);
    assertFalse(d.exhaustive());
    assertTrue(g.remainingBudget() <= 1, "the design spends the budget");
    double[] total = new double[m + 1];
    int[] rows = new int[m + 1];
    boolean[] enumerated = new boolean[m + 1];
    for (CoalitionDesign.Row r : d.rows()) {
      int s = r.coalition().size();
      total[s] += r.weight();
      rows[s]++;
      enumerated[s] |= r.enumeratedWeight() > 0;
    }
    int checked = 0;
    for (int s = 2; s <= m - 1; s++) {
      if (enumerated[s]) {
        assertEquals(stiiMass(m, s), total[s], 1e-9 * stiiMass(m, s), "enumerated size " + s);
      } else if (rows[s] >= 400) {
        assertEquals(1.0, total[s] / stiiMass(m, s), 0.2, "sampled size " + s);
        checked++;
      }
    }
    assertTrue(checked >= 3, "enough sampled sizes were checked: " + checked);
  }

  @Test
  void smallSizesAreEnumeratedFirstWhenTheBudgetAffordsThem() {
    int m = 12;
    FunctionGame g = FunctionGame.builder(m, Coalition::size).budget(400).build();
    CoalitionDesign d = CoalitionDesign.plan(g, 1, m - 1, s -> (m - 1.0) / (s * (m - s)), true, 1);
    HashSet<Coalition> singles = new HashSet<>();
    for (CoalitionDesign.Row r : d.rows()) {
      if (r.coalition().size() == 1 || r.coalition().size() == m - 1) {
        assertTrue(r.enumeratedWeight() > 0);
        singles.add(r.coalition());
      }
    }
    assertEquals(2 * m, singles.size());
    assertTrue(d.draws() > 100);
  }

  @Test
  void theDesignIsDeterministicInTheSeed() {
    int m = 15;
    CoalitionDesign a =
        CoalitionDesign.plan(
            FunctionGame.builder(m, Coalition::size).budget(500).build(),
            1,
            m - 1,
            s -> 1.0 / (s * (m - s)),
            true,
            9);
    CoalitionDesign b =
        CoalitionDesign.plan(
            FunctionGame.builder(m, Coalition::size).budget(500).build(),
            1,
            m - 1,
            s -> 1.0 / (s * (m - s)),
            true,
            9);
    assertEquals(a.rows(), b.rows());
  }

  @Test
  void anAllocationMovesTheDrawsButEachSampledSizeStillCarriesItsKernelMass() {
    int m = 30;
    java.util.function.IntToDoubleFunction mass = s -> (m - 1.0) / (s * (m - s));
    int[][] rows = new int[2][m + 1];
    double[][] total = new double[2][m + 1];
    boolean[] enumerated = new boolean[m + 1];
    for (int k = 0; k < 2; k++) {
      java.util.function.IntToDoubleFunction allocation =
          k == 0 ? mass : s -> Math.sqrt(mass.applyAsDouble(s));
      FunctionGame g = FunctionGame.builder(m, Coalition::size).budget(4_000).build();
      CoalitionDesign d = CoalitionDesign.plan(g, 1, m - 1, mass, allocation, true, 3);
      assertTrue(g.remainingBudget() <= 1, "the design spends the budget");
      for (CoalitionDesign.Row r : d.rows()) {
        int s = r.coalition().size();
        rows[k][s]++;
        total[k][s] += r.weight();
        enumerated[s] |= r.enumeratedWeight() > 0;
      }
    }
    for (int s = 1; s <= m - 1; s++) {
      assertEquals(mass.applyAsDouble(s), total[1][s], 1e-9, "size " + s + " carries its mass");
    }
    // sizes 4 and 15 are sampled in both designs (too many coalitions for repeats to matter); the
    // square root takes the square root of the ratio of their draws
    assertFalse(enumerated[4] || enumerated[15]);
    double byMass = rows[0][4] / (double) rows[0][15];
    double byRoot = rows[1][4] / (double) rows[1][15];
    double expected = mass.applyAsDouble(4) / mass.applyAsDouble(15);
    assertEquals(expected, byMass, 0.1 * expected);
    assertEquals(Math.sqrt(expected), byRoot, 0.1 * Math.sqrt(expected));
  }

  @Test
  void theMassNotTheAllocationDecidesWhichSizesAreEnumerated() {
    // 16 players, 126 evaluations: the mass's share covers the 32 coalitions of sizes 1 and 15, a
    // square-root allocation's share would not (27), and sampling them would repeat coalitions.
    int m = 16;
    FunctionGame g = FunctionGame.builder(m, Coalition::size).budget(126).build();
    CoalitionDesign d =
        CoalitionDesign.plan(
            g, 1, m - 1, s -> 1.0 / (s * (m - s)), s -> Math.sqrt(1.0 / (s * (m - s))), true, 5);
    long singles =
        d.rows().stream()
            .filter(r -> r.coalition().size() == 1 || r.coalition().size() == m - 1)
            .peek(r -> assertTrue(r.enumeratedWeight() > 0 && r.evenWeight() + r.oddWeight() == 0))
            .count();
    assertEquals(2 * m, singles);
  }
}
