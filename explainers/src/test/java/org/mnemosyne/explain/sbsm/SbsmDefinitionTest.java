package org.mnemosyne.explain.sbsm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mnemosyne.explain.OracleGames;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.PlayerValues;
import org.mnemosyne.explain.game.SmoothMask;

/** SBSM against its own definition: the masks are redrawn here as documented. */
class SbsmDefinitionTest {

  /** The documented mask sequence: SplittableRandom(seed), player by player. */
  private static boolean[][] masks(int m, int count, double p, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    boolean[][] out = new boolean[count][m];
    for (int k = 0; k < count; k++) {
      for (int i = 0; i < m; i++) {
        out[k][i] = rng.nextDouble() < p;
      }
    }
    return out;
  }

  private static int bits(boolean[] z) {
    int b = 0;
    for (int i = 0; i < z.length; i++) {
      if (z[i]) {
        b |= 1 << i;
      }
    }
    return b;
  }

  @Test
  void firstOrderIsTheMeanScoreOverMasksShowingThePlayer() {
    int m = 8;
    int k = 300;
    double[] v = OracleGames.randomGame(m, 5);
    PlayerValues got = new Sbsm(k, 0.4, false).estimate(OracleGames.game(v), 17);
    boolean[][] z = masks(m, k, 0.4, 17);
    for (int i = 0; i < m; i++) {
      double num = 0;
      int den = 0;
      for (boolean[] mask : z) {
        if (mask[i]) {
          num += v[bits(mask)];
          den++;
        }
      }
      assertEquals(num / den, got.value(i), 1e-12);
    }
    assertEquals(v[0], got.baseValue());
    assertEquals(v[v.length - 1], got.fullValue());
  }

  @Test
  void pairsAreTheMeanScoreOverMasksShowingBothPlayers() {
    int m = 6;
    int k = 400;
    double[] v = OracleGames.randomGame(m, 6);
    Interactions got = new JointSbsm(k, 0.5, false).estimate(OracleGames.game(v), 3);
    boolean[][] z = masks(m, k, 0.5, 3);
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        double num = 0;
        int den = 0;
        for (boolean[] mask : z) {
          if (mask[i] && mask[j]) {
            num += v[bits(mask)];
            den++;
          }
        }
        assertEquals(num / den, got.pair(i, j), 1e-12);
      }
    }
  }

  @Test
  void sbsmConvergesToTheConditionalExpectationNotToShapley() {
    double[] v = OracleGames.APPENDIX_1;
    PlayerValues got = new Sbsm(20_000, 0.5, false).estimate(OracleGames.game(v), 1);
    assertArrayEquals(new double[] {3.25, 4.0, 2.75}, got.values(), 0.05);
    assertTrue(Math.abs(got.sum() - 7) > 2, "no efficiency");
  }

  @Test
  void smoothMasksAreInTheUnitIntervalAndVaryAcrossCells() {
    SmoothMask mask = SmoothMask.random(40, 30, 4, 0.5, new SplittableRandom(2));
    float[] values = mask.render();
    double min = 1;
    double max = 0;
    for (float f : values) {
      assertTrue(f >= 0 && f <= 1);
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    assertTrue(max - min > 0.5, "a random 5x5 grid of bits is not constant");
    assertArrayEquals(values, mask.render(), "rendering is deterministic");
  }
}
