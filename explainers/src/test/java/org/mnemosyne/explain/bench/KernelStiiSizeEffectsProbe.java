package org.mnemosyne.explain.bench;

import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.explain.censor.CensorStrategy;
import org.mnemosyne.explain.censor.SegmentedImage;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.FunctionGame;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.interaction.KernelStii;
import org.mnemosyne.explain.metrics.RankCorrelation;
import org.mnemosyne.explain.segment.Segmenter;
import org.mnemosyne.model.djl.DjlEmbeddingModelProvider;
import org.mnemosyne.runtime.model.EmbeddingSimilarity;

/**
 * Joint Kernel STII with and without size effects (a free intercept per coalition size in the pair
 * regression) on the real MobileNetV2, with the model's scores memoised on disk so that the two
 * estimators are compared offline on exactly the same coalitions (docs/BENCHMARKS.md, <em>Real
 * model (issue 4 performance items)</em>). One image pair, 4 x 4 + 4 x 4 grid cells, blur(8), as
 * {@link KernelStiiRealModelProbe}; joint players 0..15 are the query's cells, 16..31 the target's;
 * the joint game's seed is the explainer's seed.
 *
 * <p>{@code collect DIR Q T SECONDS}: scores the coalitions of seeds 1..3 at 2,000 evaluations and
 * of the reference (seed 1000, 8,000 evaluations) not yet in the memo, for at most SECONDS (rerun
 * to continue; it prints "all scored" when done). {@code eval DIR Q T}: no model; prints, plain vs
 * size effects, the seeds' agreement (Spearman, mean over the three pairs of seeds) on the 16 x 16
 * correspondence and on the joint Shapley maps, and each seed's agreement with the reference. DIR
 * is relative to the shared data directory; Q, T index its sorted .jpg files. Memo:
 * /tmp/kstii-memo.
 */
public final class KernelStiiSizeEffectsProbe {
  private static final int SIDE = 16;
  private static final int PLAYERS = 2 * SIDE;
  private static final int BUDGET = 2000;
  private static final int SEEDS = 3;
  private static final long REFERENCE_SEED = 1000;
  private static final int REFERENCE = 8000;
  private static final Path DIR = Path.of("/tmp/kstii-memo");

  private KernelStiiSizeEffectsProbe() {}

  /** Runs; see the class comment. */
  public static void main(String[] args) throws Exception {
    String dir = args[1];
    int q = Integer.parseInt(args[2]);
    int t = Integer.parseInt(args[3]);
    Path memoFile = ScoreMemo.file(DIR, dir, q, t);
    Map<Long, Double> memo = ScoreMemo.load(memoFile);
    if (args[0].equals("collect")) {
      collect(dir, q, t, memo, memoFile, Double.parseDouble(args[4]));
    } else {
      evaluate(memo);
    }
  }

  private static SegmentedImage segmented(RgbImage image) {
    return SegmentedImage.of(
        image,
        Segmenter.of(Segmentation.grid(4, 4), Optional.empty()).segment(image),
        CensorStrategy.of(Censor.blur(8)));
  }

  /** One side's image for the joint coalition {@code bits}: uncensored when all its cells show. */
  private static RgbImage render(SegmentedImage image, long bits, int from) {
    long side = (bits >>> from) & ((1L << SIDE) - 1);
    return side == (1L << SIDE) - 1 ? image.original() : image.render(Coalition.ofBits(SIDE, side));
  }

  private static void collect(
      String dir, int q, int t, Map<Long, Double> memo, Path memoFile, double seconds)
      throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    Path data = RealModelBenchmark.sharedData();
    List<RgbImage> images = RealModelBenchmark.paintings(data.resolve(dir), Math.max(q, t) + 1);
    SegmentedImage query = segmented(images.get(q));
    SegmentedImage target = segmented(images.get(t));
    try (EmbeddingModel model =
            new DjlEmbeddingModelProvider().open(RealModelBenchmark.context(data));
        DataOutputStream out = ScoreMemo.append(memoFile)) {
      EmbeddingSimilarity similarity = new EmbeddingSimilarity(model);
      Function<List<Coalition>, double[]> scores =
          ScoreMemo.scorer(
              memo,
              out,
              similarity,
              c -> new ImagePair(render(query, c.bits(), 0), render(target, c.bits(), SIDE)),
              deadline);
      List<long[]> jobs = new ArrayList<>();
      for (int s = 1; s <= SEEDS; s++) {
        jobs.add(new long[] {s, BUDGET});
      }
      jobs.add(new long[] {REFERENCE_SEED, REFERENCE});
      for (long[] job : jobs) {
        FunctionGame game =
            FunctionGame.batchBuilder(PLAYERS, scores).budget(job[1]).batchSize(32).build();
        try {
          KernelStii.defaults().estimate(game, job[0]);
        } catch (ScoreMemo.TimeUp e) {
          System.out.printf(Locale.ROOT, "time up in seed %d; memo %d%n", job[0], memo.size());
          return;
        }
        System.out.printf(Locale.ROOT, "seed %d scored; memo %d%n", job[0], memo.size());
      }
      System.out.println("all scored");
    }
  }

  private static Interactions estimate(
      Map<Long, Double> memo, boolean sizeEffects, long budget, long seed) {
    FunctionGame game =
        FunctionGame.builder(
                PLAYERS,
                c -> {
                  Double x = memo.get(c.bits());
                  if (x == null) {
                    throw new IllegalStateException("not scored yet (run collect): " + c);
                  }
                  return x;
                })
            .budget(budget)
            .build();
    return new KernelStii(false, 0, true, sizeEffects).estimate(game, seed);
  }

  private static double[] cross(Interactions in) {
    return Arrays.stream(in.crossBlock(SIDE)).flatMapToDouble(Arrays::stream).toArray();
  }

  private static void evaluate(Map<Long, Double> memo) {
    System.out.printf(
        Locale.ROOT, "v(empty) %.5f v(N) %.5f%n", memo.get(0L), memo.get((1L << PLAYERS) - 1));
    String[] names = {"plain", "size effects"};
    Interactions[] reference = new Interactions[2];
    try {
      for (int k = 0; k < 2; k++) {
        reference[k] = estimate(memo, k == 1, REFERENCE, REFERENCE_SEED);
      }
    } catch (IllegalStateException notScored) {
      reference = null;
      System.out.println("reference not scored yet: seeds only");
    }
    if (reference != null) {
      System.out.printf(
          Locale.ROOT,
          "references (%d evaluations, seed %d): plain vs size effects Spearman %.3f on the"
              + " correspondence, %.3f on the maps; mean|C| %.4f / %.4f; error indicator %.4f /"
              + " %.4f%n",
          REFERENCE,
          REFERENCE_SEED,
          RankCorrelation.spearman(cross(reference[0]), cross(reference[1])),
          RankCorrelation.spearman(reference[0].playerValues(), reference[1].playerValues()),
          meanAbs(cross(reference[0])),
          meanAbs(cross(reference[1])),
          reference[0].errorEstimate(),
          reference[1].errorEstimate());
    }
    for (int k = 0; k < 2; k++) {
      Interactions[] runs = new Interactions[SEEDS];
      StringBuilder errors = new StringBuilder();
      double size = 0;
      for (int s = 0; s < SEEDS; s++) {
        runs[s] = estimate(memo, k == 1, BUDGET, s + 1);
        errors.append(String.format(Locale.ROOT, " %.4f", runs[s].errorEstimate()));
        size += meanAbs(cross(runs[s])) / SEEDS;
      }
      StringBuilder seedCross = new StringBuilder();
      StringBuilder seedMaps = new StringBuilder();
      double sc = 0;
      double sm = 0;
      int n = 0;
      for (int a = 0; a < SEEDS; a++) {
        for (int b = a + 1; b < SEEDS; b++) {
          double c = RankCorrelation.spearman(cross(runs[a]), cross(runs[b]));
          double m = RankCorrelation.spearman(runs[a].playerValues(), runs[b].playerValues());
          seedCross.append(String.format(Locale.ROOT, " %.3f", c));
          seedMaps.append(String.format(Locale.ROOT, " %.3f", m));
          sc += c;
          sm += m;
          n++;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%s @%d: mean|C| %.4f; error indicator%s%n"
              + "  seed vs seed (1-2 1-3 2-3): correspondence%s (mean %.3f); maps%s (mean %.3f)%n",
          names[k],
          BUDGET,
          size,
          errors,
          seedCross,
          sc / n,
          seedMaps,
          sm / n);
      for (int r = 0; reference != null && r < 2; r++) {
        StringBuilder c = new StringBuilder();
        StringBuilder m = new StringBuilder();
        double mc = 0;
        double mm = 0;
        for (int s = 0; s < SEEDS; s++) {
          double x = RankCorrelation.spearman(cross(reference[r]), cross(runs[s]));
          double y = RankCorrelation.spearman(reference[r].playerValues(), runs[s].playerValues());
          c.append(String.format(Locale.ROOT, " %.3f", x));
          m.append(String.format(Locale.ROOT, " %.3f", y));
          mc += x / SEEDS;
          mm += y / SEEDS;
        }
        System.out.printf(
            Locale.ROOT,
            "  vs the %s reference: correspondence%s (mean %.3f); maps%s (mean %.3f)%n",
            names[r],
            c,
            mc,
            m,
            mm);
      }
    }
  }

  private static double meanAbs(double[] x) {
    return Arrays.stream(x).map(Math::abs).average().orElse(0);
  }
}
