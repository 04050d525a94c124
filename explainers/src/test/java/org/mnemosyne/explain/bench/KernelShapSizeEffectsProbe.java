package org.mnemosyne.explain.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.FeatureMap;
import org.mnemosyne.explain.censor.CensorStrategy;
import org.mnemosyne.explain.censor.SegmentedImage;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.CoalitionDesign;
import org.mnemosyne.explain.game.FunctionGame;
import org.mnemosyne.explain.game.KernelRegression;
import org.mnemosyne.explain.metrics.RankCorrelation;
import org.mnemosyne.explain.segment.Segmenter;
import org.mnemosyne.explain.shapley.KernelShap;
import org.mnemosyne.model.djl.DjlEmbeddingModelProvider;
import org.mnemosyne.runtime.model.EmbeddingSimilarity;

/**
 * Kernel SHAP at 1,000 evaluations against a 20,000-evaluation reference on the real MobileNetV2,
 * with the model's scores memoised on disk so that estimator variants are compared offline on the
 * same coalitions (docs/BENCHMARKS.md, <em>Kernel SHAP at 1,000 evaluations</em>). Target side of
 * one image pair, 7 x 7 grid, blur(8), as {@link RealModelBenchmark}; the target side's seed is the
 * explainer's ({@code seed + 0x9E3779B97F4A7C15}), so seeds 1..3 are the published ones.
 *
 * <p>{@code collect DIR Q T SECONDS}: scores the coalitions of seeds 1..6 and of the reference
 * (seed 1000) not yet in the memo (for seeds 1..6 the default estimator's too), for at most SECONDS
 * (rerun to continue), and stores the feature maps of the query, the target and the blurred target.
 * {@code eval DIR Q T SEEDS}: no model; compares plain Kernel SHAP, Kernel SHAP with size effects
 * (draws shared among the sizes in proportion to the kernel mass, and to its square root, the
 * default), and plain Kernel SHAP with a feature-space control variate ({@code phi(v) - [KS(g) -
 * phi(g)]}, {@code g(S)} the cosine of the query embedding and the pooled features with the cells
 * outside S taken from the blurred target's feature map, {@code phi(g)} from 300,000 evaluations of
 * g). DIR is relative to the shared data directory (art/images, photos/images); Q, T index its
 * sorted .jpg files. Memo: /tmp/ks-memo.
 */
public final class KernelShapSizeEffectsProbe {
  private static final long TARGET_SEED = 0x9E3779B97F4A7C15L;
  private static final int CELLS = 49;
  private static final int BUDGET = 1000;
  private static final int REFERENCE = 20_000;
  private static final Path DIR = Path.of("/tmp/ks-memo");

  private KernelShapSizeEffectsProbe() {}

  /** Runs; see the class comment. */
  public static void main(String[] args) throws Exception {
    String dir = args[1];
    int q = Integer.parseInt(args[2]);
    int t = Integer.parseInt(args[3]);
    Path memoFile = ScoreMemo.file(DIR, dir, q, t);
    Path featureFile = DIR.resolve("features-" + ScoreMemo.tag(dir, q, t) + ".bin");
    Map<Long, Double> memo = ScoreMemo.load(memoFile);
    if (args[0].equals("collect")) {
      collect(dir, q, t, memo, memoFile, featureFile, Double.parseDouble(args[4]));
    } else {
      evaluate(memo, featureFile, Integer.parseInt(args[4]));
    }
  }

  private static void collect(
      String dir,
      int q,
      int t,
      Map<Long, Double> memo,
      Path memoFile,
      Path featureFile,
      double seconds)
      throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    Path data = RealModelBenchmark.sharedData();
    List<RgbImage> images = RealModelBenchmark.paintings(data.resolve(dir), Math.max(q, t) + 1);
    RgbImage query = images.get(q);
    RgbImage targetImage = images.get(t);
    SegmentedImage target =
        SegmentedImage.of(
            targetImage,
            Segmenter.of(Segmentation.grid(7, 7), Optional.empty()).segment(targetImage),
            CensorStrategy.of(Censor.blur(8)));
    try (EmbeddingModel model =
            new DjlEmbeddingModelProvider().open(RealModelBenchmark.context(data));
        DataOutputStream out = ScoreMemo.append(memoFile)) {
      if (!Files.exists(featureFile)) {
        saveFeatures(featureFile, model.featureMaps(List.of(query, targetImage, target.absent())));
      }
      EmbeddingSimilarity similarity = new EmbeddingSimilarity(model);
      java.util.function.Function<List<Coalition>, double[]> scores =
          ScoreMemo.scorer(
              memo,
              out,
              similarity,
              c -> new ImagePair(query, c.size() == CELLS ? targetImage : target.render(c)),
              deadline);
      long[][] jobs = {
        {1, BUDGET}, {2, BUDGET}, {3, BUDGET}, {4, BUDGET}, {5, BUDGET}, {6, BUDGET}
      };
      List<long[]> all = new ArrayList<>(List.of(jobs));
      all.add(new long[] {1000, REFERENCE});
      for (long[] job : all) {
        FunctionGame game =
            FunctionGame.batchBuilder(CELLS, scores).budget(job[1]).batchSize(32).build();
        try {
          new KernelShap(true, 0, false).estimate(game, job[0] + TARGET_SEED);
          if (job[1] == BUDGET) {
            // the default estimator draws its own coalitions (sizes in proportion to sqrt(mass))
            FunctionGame again =
                FunctionGame.batchBuilder(CELLS, scores).budget(job[1]).batchSize(32).build();
            KernelShap.defaults().estimate(again, job[0] + TARGET_SEED);
          }
        } catch (ScoreMemo.TimeUp e) {
          System.out.printf(Locale.ROOT, "time up in seed %d; memo %d%n", job[0], memo.size());
          return;
        }
        System.out.printf(Locale.ROOT, "seed %d scored; memo %d%n", job[0], memo.size());
      }
      System.out.println("all scored");
    }
  }

  private static void saveFeatures(Path f, List<FeatureMap> maps) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(f.toFile())))) {
      for (FeatureMap m : maps) {
        float[] v = m.values();
        out.writeInt(v.length);
        for (float x : v) {
          out.writeFloat(x);
        }
      }
    }
  }

  private static float[][] loadFeatures(Path f) throws IOException {
    float[][] out = new float[3][];
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(new FileInputStream(f.toFile())))) {
      for (int k = 0; k < 3; k++) {
        out[k] = new float[in.readInt()];
        for (int i = 0; i < out[k].length; i++) {
          out[k][i] = in.readFloat();
        }
      }
    }
    return out;
  }

  private static double[] kernelShap(
      ToDoubleFunction<Coalition> v, boolean sizeEffects, long budget, long seed) {
    FunctionGame game = FunctionGame.builder(CELLS, v).budget(budget).build();
    return new KernelShap(true, 0, sizeEffects).estimate(game, seed).values();
  }

  /**
   * Kernel SHAP with size effects and paired draws shared among the sizes in proportion to the
   * kernel mass (the estimator's default before version 1.3.0).
   */
  private static double[] sizeEffectsDrawsByMass(
      ToDoubleFunction<Coalition> v, long budget, long seed) {
    FunctionGame game = FunctionGame.builder(CELLS, v).budget(budget).build();
    Coalition empty = Coalition.empty(CELLS);
    Coalition full = Coalition.full(CELLS);
    game.tryReserve(List.of(empty, full));
    CoalitionDesign design =
        CoalitionDesign.plan(
            game, 1, CELLS - 1, s -> (CELLS - 1.0) / ((double) s * (CELLS - s)), true, seed);
    double v0 = v.applyAsDouble(empty);
    double vN = v.applyAsDouble(full);
    double[] targets = new double[design.rows().size()];
    for (int r = 0; r < targets.length; r++) {
      targets[r] = v.applyAsDouble(design.rows().get(r).coalition()) - v0;
    }
    return KernelRegression.fitBySize(
            design, targets, Coalition::members, CELLS, true, CELLS, 0, vN - v0)
        .x();
  }

  private static void evaluate(Map<Long, Double> memo, Path featureFile, int seeds)
      throws IOException {
    float[][] f = loadFeatures(featureFile);
    ToDoubleFunction<Coalition> g = new FeatureSpaceGame(f[0], f[1], f[2], CELLS)::value;
    ToDoubleFunction<Coalition> v =
        c -> {
          Double x = memo.get(c.bits());
          if (x == null) {
            throw new IllegalStateException("not scored yet (run collect): " + c);
          }
          return x;
        };
    Coalition empty = Coalition.empty(CELLS);
    Coalition full = Coalition.full(CELLS);
    System.out.printf(
        Locale.ROOT,
        "v(empty) %.5f v(N) %.5f; feature-space game g(empty) %.5f g(N) %.5f%n",
        v.applyAsDouble(empty),
        v.applyAsDouble(full),
        g.applyAsDouble(empty),
        g.applyAsDouble(full));
    double[] phiG = kernelShap(g, false, 300_000, 77);
    double[] reference = kernelShap(v, false, REFERENCE, 1000 + TARGET_SEED);
    double[] referenceSe = sizeEffectsDrawsByMass(v, REFERENCE, 1000 + TARGET_SEED);
    System.out.printf(
        Locale.ROOT,
        "reference (plain, %d): sd %.5f; with size effects: Spearman %.3f, RMSE %.5f to it;"
            + " phi(g): Spearman %.3f to it%n",
        REFERENCE,
        sd(reference),
        RankCorrelation.spearman(reference, referenceSe),
        rmse(reference, referenceSe),
        RankCorrelation.spearman(reference, phiG));
    String[] names = {
      "plain",
      "size effects, draws ~ mass",
      "size effects, draws ~ sqrt(mass)",
      "plain + feature-space CV (beta 1)"
    };
    double[][] rho = new double[names.length][seeds];
    double[][] err = new double[names.length][seeds];
    for (int s = 1; s <= seeds; s++) {
      long seed = s + TARGET_SEED;
      double[] plain = kernelShap(v, false, BUDGET, seed);
      double[] kg = kernelShap(g, false, BUDGET, seed);
      double[] cv = new double[CELLS];
      for (int i = 0; i < CELLS; i++) {
        cv[i] = plain[i] - (kg[i] - phiG[i]);
      }
      double[][] x = {
        plain, sizeEffectsDrawsByMass(v, BUDGET, seed), kernelShap(v, true, BUDGET, seed), cv
      };
      for (int k = 0; k < names.length; k++) {
        rho[k][s - 1] = RankCorrelation.spearman(reference, x[k]);
        err[k][s - 1] = rmse(reference, x[k]);
      }
    }
    for (int k = 0; k < names.length; k++) {
      StringBuilder per = new StringBuilder();
      for (double r : rho[k]) {
        per.append(String.format(Locale.ROOT, " %.3f", r));
      }
      System.out.printf(
          Locale.ROOT,
          "%-34s Spearman per seed%s; mean %.3f; mean RMSE %.5f%n",
          names[k],
          per,
          mean(rho[k]),
          mean(err[k]));
    }
  }

  private static double mean(double[] x) {
    return java.util.Arrays.stream(x).average().orElse(Double.NaN);
  }

  private static double sd(double[] x) {
    double m = mean(x);
    return Math.sqrt(java.util.Arrays.stream(x).map(a -> (a - m) * (a - m)).sum() / x.length);
  }

  private static double rmse(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s / a.length);
  }

  /**
   * {@code g(S) = cos(e_q, pool(F_S))}, {@code F_S} the target's feature map with the cells outside
   * S taken from the fully censored target's map: linear over the square root of a quadratic in the
   * indicator of S, so O(|S|^2) per coalition.
   */
  private static final class FeatureSpaceGame {
    private final double c0;
    private final double q0;
    private final double[] c;
    private final double[] l;
    private final double[][] gram;

    FeatureSpaceGame(float[] query, float[] target, float[] censored, int cells) {
      int channels = query.length / cells;
      double[] e = new double[channels];
      double[] b = new double[channels];
      double[][] d = new double[cells][channels];
      double norm = 0;
      for (int k = 0; k < channels; k++) {
        for (int j = 0; j < cells; j++) {
          e[k] += query[k * cells + j];
          b[k] += censored[k * cells + j] / (double) cells;
          d[j][k] = (target[k * cells + j] - censored[k * cells + j]) / (double) cells;
        }
        norm += e[k] * e[k];
      }
      norm = Math.sqrt(norm);
      c = new double[cells];
      l = new double[cells];
      gram = new double[cells][cells];
      double cc = 0;
      double qq = 0;
      for (int k = 0; k < channels; k++) {
        cc += e[k] / norm * b[k];
        qq += b[k] * b[k];
      }
      c0 = cc;
      q0 = qq;
      for (int j = 0; j < cells; j++) {
        for (int k = 0; k < channels; k++) {
          c[j] += e[k] / norm * d[j][k];
          l[j] += 2 * b[k] * d[j][k];
        }
        for (int i = 0; i < cells; i++) {
          double s = 0;
          for (int k = 0; k < channels; k++) {
            s += d[i][k] * d[j][k];
          }
          gram[i][j] = s;
        }
      }
    }

    double value(Coalition s) {
      int[] m = s.members();
      double num = c0;
      double den = q0;
      for (int i : m) {
        num += c[i];
        den += l[i];
        for (int j : m) {
          den += gram[i][j];
        }
      }
      return num / Math.sqrt(den);
    }
  }
}
