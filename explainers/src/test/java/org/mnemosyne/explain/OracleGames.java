package org.mnemosyne.explain;

import java.util.Random;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.FunctionGame;

/**
 * Games with known answers and brute-force formulas written independently of the code under test
 * (straight from the textbook definitions, no Möbius transform, no regression).
 */
public final class OracleGames {
  private OracleGames() {}

  /** Appendix 1: players a, b, c (bits 0, 1, 2). */
  public static final double[] APPENDIX_1 = {0, 1, 2, 4, 0, 1, 3, 7};

  /** A random Gaussian set function, {@code v} indexed by coalition bits. */
  public static double[] randomGame(int players, long seed) {
    Random r = new Random(seed);
    double[] v = new double[1 << players];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }

  /** A game from a table indexed by coalition bits. */
  public static FunctionGame game(double[] v) {
    int n = Integer.numberOfTrailingZeros(v.length);
    return FunctionGame.of(n, c -> v[(int) c.bits()]);
  }

  /** A game from a table with a budget and batch size. */
  public static FunctionGame game(double[] v, long budget, int batch) {
    int n = Integer.numberOfTrailingZeros(v.length);
    return FunctionGame.builder(n, c -> v[(int) c.bits()]).budget(budget).batchSize(batch).build();
  }

  static double factorial(int k) {
    double f = 1;
    for (int i = 2; i <= k; i++) {
      f *= i;
    }
    return f;
  }

  /** Shapley values by the marginal-contribution formula. */
  public static double[] shapleyByFormula(double[] v) {
    int n = Integer.numberOfTrailingZeros(v.length);
    double[] phi = new double[n];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < v.length; s++) {
        if ((s & (1 << i)) != 0) {
          continue;
        }
        int size = Integer.bitCount(s);
        double w = factorial(size) * factorial(n - size - 1) / factorial(n);
        phi[i] += w * (v[s | (1 << i)] - v[s]);
      }
    }
    return phi;
  }

  /**
   * Order-2 Shapley-Taylor pair indices by the discrete-derivative formula {@code (2/n) sum_{T
   * subset N\{i,j}} delta_ij v(T) / C(n-1, |T|)}.
   */
  public static double[][] pairIndicesByFormula(double[] v) {
    int n = Integer.numberOfTrailingZeros(v.length);
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int bi = 1 << i;
        int bj = 1 << j;
        double sum = 0;
        for (int t = 0; t < v.length; t++) {
          if ((t & (bi | bj)) != 0) {
            continue;
          }
          double delta = v[t | bi | bj] - v[t | bi] - v[t | bj] + v[t];
          sum += delta / choose(n - 1, Integer.bitCount(t));
        }
        out[i][j] = 2.0 / n * sum;
        out[j][i] = out[i][j];
      }
    }
    return out;
  }

  static double choose(int n, int k) {
    return factorial(n) / (factorial(k) * factorial(n - k));
  }

  /** A coalition from bits. */
  public static Coalition bits(int players, long bits) {
    return Coalition.ofBits(players, bits);
  }

  /** The largest absolute difference. */
  public static double maxDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  /** The largest absolute difference of the upper triangles. */
  public static double maxDiff(double[][] a, double[][] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = i + 1; j < a.length; j++) {
        m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
      }
    }
    return m;
  }
}
