package org.mnemosyne.explain.lime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnemosyne.explain.OracleGames;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.FunctionGame;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.PlayerValues;

/** LIME against its own definition, recomputed here with plain Gauss-Jordan elimination. */
class LimeDefinitionTest {

  /** Solves the weighted ridge problem with an unpenalised intercept, from the definition. */
  private static double[] ridgeByDefinition(
      List<double[]> x, double[] y, double[] w, double alpha) {
    int p = x.get(0).length + 1;
    double[][] a = new double[p][p + 1];
    for (int k = 0; k < y.length; k++) {
      double[] row = new double[p];
      row[0] = 1;
      System.arraycopy(x.get(k), 0, row, 1, p - 1);
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          a[i][j] += w[k] * row[i] * row[j];
        }
        a[i][p] += w[k] * row[i] * y[k];
      }
    }
    for (int i = 1; i < p; i++) {
      a[i][i] += alpha;
    }
    for (int c = 0; c < p; c++) {
      int piv = c;
      for (int r = c + 1; r < p; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] t = a[c];
      a[c] = a[piv];
      a[piv] = t;
      for (int r = 0; r < p; r++) {
        if (r != c) {
          double f = a[r][c] / a[c][c];
          for (int k = c; k <= p; k++) {
            a[r][k] -= f * a[c][k];
          }
        }
      }
    }
    double[] beta = new double[p];
    for (int i = 0; i < p; i++) {
      beta[i] = a[i][p] / a[i][i];
    }
    return beta;
  }

  private static double kernel(Coalition z, double width) {
    int m = z.players();
    int ones = z.size();
    double cos = ones == 0 ? 0 : ones / (Math.sqrt(ones) * Math.sqrt(m));
    double d = 1 - cos;
    return Math.sqrt(Math.exp(-d * d / (width * width)));
  }

  @Test
  void firstOrderLimeIsTheKernelWeightedRidgeFitOfItsSamples() {
    int m = 9;
    int n = 150;
    double[] v = OracleGames.randomGame(m, 77);
    Lime lime = new Lime(n, 0.6, 0.3, 0.5);
    PlayerValues got = lime.estimate(OracleGames.game(v), 12);

    List<Coalition> samples = new LimeSampler(0.6).sequence(m, n, 12);
    assertEquals(Coalition.full(m), samples.get(0), "LIME's first sample is the instance");
    List<double[]> x = new java.util.ArrayList<>();
    double[] y = new double[n];
    double[] w = new double[n];
    for (int k = 0; k < n; k++) {
      Coalition z = samples.get(k);
      double[] row = new double[m];
      for (int i : z.members()) {
        row[i] = 1;
      }
      x.add(row);
      y[k] = v[(int) z.bits()];
      w[k] = kernel(z, 0.3);
    }
    double[] beta = ridgeByDefinition(x, y, w, 0.5);
    assertArrayEquals(java.util.Arrays.copyOfRange(beta, 1, m + 1), got.values(), 1e-9);
    assertEquals(v[0], got.baseValue());
    assertEquals(v[v.length - 1], got.fullValue());
  }

  @Test
  void unregularisedLimeRecoversAnAdditiveGameExactly() {
    double[] a = {0.5, -1, 2, 0.25, 3};
    FunctionGame g =
        FunctionGame.of(
            5,
            c -> {
              double s = 1.5;
              for (int i : c.members()) {
                s += a[i];
              }
              return s;
            });
    assertArrayEquals(a, new Lime(200, 0.5, 0.25, 0).estimate(g, 1).values(), 1e-9);
  }

  @Test
  void jointLimeFitsTheQuadraticSurrogateOfItsSamples() {
    int m = 6;
    int n = 120;
    double[] v = OracleGames.randomGame(m, 78);
    Interactions got = new JointLime(n, 0.5, 0.4, 0.1).estimate(OracleGames.game(v), 3);
    List<Coalition> samples = new LimeSampler(0.5).sequence(m, n, 3);
    List<double[]> x = new java.util.ArrayList<>();
    double[] y = new double[n];
    double[] w = new double[n];
    for (int k = 0; k < n; k++) {
      Coalition z = samples.get(k);
      double[] row = new double[m + m * (m - 1) / 2];
      int f = m;
      for (int i = 0; i < m; i++) {
        row[i] = z.contains(i) ? 1 : 0;
        for (int j = i + 1; j < m; j++) {
          row[f++] = z.contains(i) && z.contains(j) ? 1 : 0;
        }
      }
      x.add(row);
      y[k] = v[(int) z.bits()];
      w[k] = kernel(z, 0.4);
    }
    double[] beta = ridgeByDefinition(x, y, w, 0.1);
    assertArrayEquals(java.util.Arrays.copyOfRange(beta, 1, m + 1), got.mainEffects(), 1e-9);
    int f = m + 1;
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        assertEquals(beta[f++], got.pair(i, j), 1e-9);
      }
    }
  }

  @Test
  void limeIsNotShapleyOnAnInteractingGame() {
    // the point of Paper A: LIME's kernel does not give fair-credit values
    double[] v = OracleGames.APPENDIX_1;
    PlayerValues lime = new Lime(4000, 0.5, 0.25, 0).estimate(OracleGames.game(v), 1);
    double[] shapley = OracleGames.shapleyByFormula(v);
    assertTrue(OracleGames.maxDiff(shapley, lime.values()) > 0.1);
  }
}
