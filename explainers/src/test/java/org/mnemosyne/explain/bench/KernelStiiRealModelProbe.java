package org.mnemosyne.explain.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.explain.SimilarityFunction;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.explain.metrics.RankCorrelation;
import org.mnemosyne.model.djl.DjlEmbeddingModelProvider;
import org.mnemosyne.runtime.model.EmbeddingSimilarity;

/**
 * How reproducible joint Kernel STII is on the real model: for one painting pair, 4 x 4 + 4 x 4
 * units, blur censor, two seeds at each budget given as arguments; prints the size of the cross
 * values, the error indicator, the Pearson and Spearman correlation of the two seeds' 16 x 16
 * correspondences and of their joint Shapley maps, and the agreement with joint CAM (a different
 * game: feature cells, zeroed features).
 *
 * <p>Run like {@link RealModelBenchmark}, main class {@code
 * org.mnemosyne.explain.bench.KernelStiiRealModelProbe}, arguments: budgets (e.g. {@code 2000
 * 8000}).
 */
public final class KernelStiiRealModelProbe {
  private KernelStiiRealModelProbe() {}

  /** Runs; arguments: budgets. */
  public static void main(String[] args) throws Exception {
    List<RgbImage> images =
        RealModelBenchmark.paintings(RealModelBenchmark.sharedData().resolve("art/images"), 4);
    try (EmbeddingModel model =
        new DjlEmbeddingModelProvider()
            .open(RealModelBenchmark.context(RealModelBenchmark.sharedData()))) {
      SimilarityFunction similarity = new EmbeddingSimilarity(model);
      RgbImage q = images.get(2);
      RgbImage t = images.get(3);
      Explainer kernel = RealModelBenchmark.explainer("kernel-stii");
      ExplanationParameters p =
          ExplanationParameters.defaults()
              .withOrder(Order.JOINT)
              .withSegmentation(Segmentation.grid(4, 4))
              .withCensor(Censor.blur(8))
              .withBatchSize(32);
      Explanation cam =
          RealModelBenchmark.explainer("joint-cam")
              .explain(
                  ExplanationRequest.builder(q, t, similarity)
                      .parameters(p.withSegmentation(Segmentation.grid(4, 4)))
                      .build());
      for (String arg : args) {
        int budget = Integer.parseInt(arg);
        long t0 = System.nanoTime();
        Explanation a =
            kernel.explain(
                ExplanationRequest.builder(q, t, similarity)
                    .parameters(p.withBudget(budget).withSeed(1))
                    .build());
        Explanation b =
            kernel.explain(
                ExplanationRequest.builder(q, t, similarity)
                    .parameters(p.withBudget(budget).withSeed(2))
                    .build());
        double[] fa = RealModelBenchmark.flat(a);
        double[] fb = RealModelBenchmark.flat(b);
        double[] ma = maps(a);
        double[] mb = maps(b);
        System.out.printf(
            Locale.ROOT,
            "budget %d (%.0f s for both): v(N) %.3f v(empty) %.3f; cross mean|C| %.4f max|C| %.4f;"
                + " error indicator %.4f / %.4f%n"
                + "  seeds agree on the 16x16 correspondence: Pearson %.3f Spearman %.3f;"
                + " on the joint Shapley maps: Pearson %.3f Spearman %.3f%n"
                + "  vs joint CAM (cosine-normalised, a different game): Spearman %.3f%n",
            budget,
            (System.nanoTime() - t0) / 1e9,
            a.fullValue(),
            a.baseValue(),
            Arrays.stream(fa).map(Math::abs).average().orElse(0),
            Arrays.stream(fa).map(Math::abs).max().orElse(0),
            a.errorEstimate().orElse(Double.NaN),
            b.errorEstimate().orElse(Double.NaN),
            pearson(fa, fb),
            RankCorrelation.spearman(fa, fb),
            pearson(ma, mb),
            RankCorrelation.spearman(ma, mb),
            RankCorrelation.spearman(RealModelBenchmark.flat(cam), fa));
      }
    }
  }

  private static double[] maps(Explanation e) {
    double[] q = e.map(Side.QUERY).orElseThrow().values();
    double[] t = e.map(Side.TARGET).orElseThrow().values();
    double[] out = Arrays.copyOf(q, q.length + t.length);
    System.arraycopy(t, 0, out, q.length, t.length);
    return out;
  }

  private static double pearson(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
