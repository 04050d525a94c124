package org.mnemosyne.explain.bench;

import java.util.Locale;
import java.util.Random;
import org.mnemosyne.explain.game.FunctionGame;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.JointEstimator;
import org.mnemosyne.explain.interaction.ExactStii;
import org.mnemosyne.explain.interaction.KernelStii;
import org.mnemosyne.explain.interaction.PermutationStii;

/**
 * The estimator-convergence study of Paper A, Fig. 5: games from random MLPs with 15 binary inputs
 * (15 -> 32 -> 1, tanh, N(0, 1) weights and biases), exact order-2 Shapley-Taylor indices from all
 * 2^15 coalitions, and the mean squared error of the 105 pair indices of Kernel STII and of
 * permutation sampling over a grid of evaluation budgets, relative to the variance of the true pair
 * indices. Prints, for each estimator, the budget at which the mean relative MSE first falls to 1 %
 * (log-log interpolation between grid points), and the ratio.
 *
 * <p>Run: {@code mvn -o -q -pl explainers test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.mnemosyne.explain.bench.StiiConvergenceBenchmark [-Dexec.args="games
 * estimatorSeeds paired sizeEffects kernelOnly"]}.
 */
public final class StiiConvergenceBenchmark {
  private static final int INPUTS = 15;
  private static final int HIDDEN = 32;

  private StiiConvergenceBenchmark() {}

  /**
   * Runs the study; arguments: number of networks (10), estimator seeds per network (3), Kernel
   * STII paired (false), with size effects (true, the explainer's default; false: the estimator as
   * first measured), kernel only (false; true skips the sampling estimators).
   */
  public static void main(String[] args) {
    int games = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    boolean paired = args.length > 2 && Boolean.parseBoolean(args[2]);
    boolean sizeEffects = args.length <= 3 || Boolean.parseBoolean(args[3]);
    boolean kernelOnly = args.length > 4 && Boolean.parseBoolean(args[4]);
    KernelStii kernelEstimator = new KernelStii(paired, 0, true, sizeEffects);
    int[] kernelBudgets = {256, 512, 1024, 2048, 4096, 8192, 16384};
    int[] permutationBudgets = new int[13];
    for (int k = 0; k < permutationBudgets.length; k++) {
      permutationBudgets[k] = 1024 << k;
    }
    double[] kernel = new double[kernelBudgets.length];
    double[] permutation = new double[permutationBudgets.length];
    double[] perPair = new double[permutationBudgets.length];
    long start = System.nanoTime();
    for (int g = 0; g < games; g++) {
      double[] v = mlpGame(g);
      double[][] exact = ExactStii.fromValues(v).pairs();
      double variance = variance(exact);
      for (int b = 0; b < kernelBudgets.length; b++) {
        kernel[b] += relativeMse(kernelEstimator, v, exact, variance, kernelBudgets[b], seeds);
      }
      for (int b = 0; b < permutationBudgets.length && !kernelOnly; b++) {
        permutation[b] +=
            relativeMse(new PermutationStii(), v, exact, variance, permutationBudgets[b], seeds);
        perPair[b] +=
            relativeMse(
                new PermutationStii(true), v, exact, variance, permutationBudgets[b], seeds);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d random MLPs %d-%d-1 (tanh, N(0,1)), %d estimator seeds each; relative MSE ="
            + " MSE(105 pair indices) / Var(true pair indices)%n",
        games,
        INPUTS,
        HIDDEN,
        seeds);
    System.out.println(
        "budget      kernel-stii"
            + (sizeEffects ? " (size effects)" : "")
            + (kernelOnly ? "" : "   permutations  per-pair MC"));
    for (int k = 0; k < permutationBudgets.length; k++) {
      int budget = permutationBudgets[k];
      String kr = "";
      for (int b = 0; b < kernelBudgets.length; b++) {
        if (kernelBudgets[b] == budget) {
          kr = String.format(Locale.ROOT, "%.5f", kernel[b] / games);
        }
      }
      if (k == 0) {
        System.out.printf(Locale.ROOT, "%-10d  %-12s%n", 256, fmt(kernel[0] / games));
        System.out.printf(Locale.ROOT, "%-10d  %-12s%n", 512, fmt(kernel[1] / games));
      }
      if (kernelOnly) {
        if (!kr.isEmpty()) {
          System.out.printf(Locale.ROOT, "%-10d  %s%n", budget, kr);
        }
        continue;
      }
      System.out.printf(
          Locale.ROOT,
          "%-10d  %-12s  %-12.5f  %.5f%n",
          budget,
          kr,
          permutation[k] / games,
          perPair[k] / games);
    }
    double kernelAt = crossing(kernelBudgets, kernel, games, 0.01);
    System.out.printf(
        Locale.ROOT, "evaluations to reach 1%% relative MSE: kernel-stii %.0f%n", kernelAt);
    if (!kernelOnly) {
      report("permutations", crossing(permutationBudgets, permutation, games, 0.01), kernelAt);
      report("per-pair MC", crossing(permutationBudgets, perPair, games, 0.01), kernelAt);
    }
    System.out.printf(Locale.ROOT, "wall time %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  private static void report(String name, double at, double kernelAt) {
    if (Double.isNaN(at)) {
      System.out.printf(Locale.ROOT, "  %s: not reached within the grid%n", name);
    } else {
      System.out.printf(
          Locale.ROOT, "  %s: %.0f, ratio to kernel-stii %.1f%n", name, at, at / kernelAt);
    }
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.5f", x);
  }

  /** v(z) for every z in {0,1}^15 of a random 15-32-1 tanh network. */
  static double[] mlpGame(long seed) {
    Random r = new Random(1000 + seed);
    double[][] w1 = new double[HIDDEN][INPUTS];
    double[] b1 = new double[HIDDEN];
    double[] w2 = new double[HIDDEN];
    for (int h = 0; h < HIDDEN; h++) {
      for (int i = 0; i < INPUTS; i++) {
        w1[h][i] = r.nextGaussian();
      }
      b1[h] = r.nextGaussian();
      w2[h] = r.nextGaussian();
    }
    double b2 = r.nextGaussian();
    double[] v = new double[1 << INPUTS];
    for (int z = 0; z < v.length; z++) {
      double out = b2;
      for (int h = 0; h < HIDDEN; h++) {
        double a = b1[h];
        for (int i = 0; i < INPUTS; i++) {
          if ((z & (1 << i)) != 0) {
            a += w1[h][i];
          }
        }
        out += w2[h] * Math.tanh(a);
      }
      v[z] = out;
    }
    return v;
  }

  private static double relativeMse(
      JointEstimator estimator,
      double[] v,
      double[][] exact,
      double variance,
      int budget,
      int seeds) {
    double sum = 0;
    for (int s = 0; s < seeds; s++) {
      FunctionGame game =
          FunctionGame.builder(INPUTS, c -> v[(int) c.bits()])
              .budget(budget)
              .batchSize(256)
              .build();
      Interactions in = estimator.estimate(game, 77 + s);
      double se = 0;
      int n = 0;
      for (int i = 0; i < INPUTS; i++) {
        for (int j = i + 1; j < INPUTS; j++) {
          se += Math.pow(in.pair(i, j) - exact[i][j], 2);
          n++;
        }
      }
      sum += se / n / variance;
    }
    return sum / seeds;
  }

  private static double variance(double[][] pairs) {
    double mean = 0;
    int n = 0;
    for (int i = 0; i < pairs.length; i++) {
      for (int j = i + 1; j < pairs.length; j++) {
        mean += pairs[i][j];
        n++;
      }
    }
    mean /= n;
    double var = 0;
    for (int i = 0; i < pairs.length; i++) {
      for (int j = i + 1; j < pairs.length; j++) {
        var += Math.pow(pairs[i][j] - mean, 2);
      }
    }
    return var / n;
  }

  /** The budget where the curve first reaches {@code level}, log-log interpolated; NaN if never. */
  private static double crossing(int[] budgets, double[] sums, int games, double level) {
    for (int b = 0; b < budgets.length; b++) {
      double y = sums[b] / games;
      if (y <= level) {
        if (b == 0) {
          return budgets[0];
        }
        double y0 = Math.log(sums[b - 1] / games);
        double y1 = Math.log(y);
        double x0 = Math.log(budgets[b - 1]);
        double x1 = Math.log(budgets[b]);
        return Math.exp(x0 + (Math.log(level) - y0) * (x1 - x0) / (y1 - y0));
      }
    }
    return Double.NaN;
  }
}
