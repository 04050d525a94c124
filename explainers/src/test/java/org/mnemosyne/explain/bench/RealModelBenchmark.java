package org.mnemosyne.explain.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.explain.SimilarityFunction;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.metrics.RankCorrelation;
import org.mnemosyne.model.djl.DjlEmbeddingModelProvider;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;
import org.mnemosyne.runtime.model.EmbeddingSimilarity;

/**
 * The explainers on the real MobileNetV2 (ONNX on CPU), for docs/BENCHMARKS.md: the model's best
 * images/s; Search-CAM and joint CAM per pair (both forward passes included); first-order Kernel
 * SHAP on a 7 x 7 grid at 1,000 evaluations against a 20,000-evaluation reference (Spearman); joint
 * Kernel STII on 4 x 4 + 4 x 4 at 2,000 evaluations; wall time and images/s through the model for
 * each, as a fraction of the model's best.
 *
 * <p>Run: {@code mvn -o -q -pl explainers test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.mnemosyne.explain.bench.RealModelBenchmark [-Dexec.args="referenceBudget"]}
 * from the repository root, with {@code ../shared/data} beside it.
 */
public final class RealModelBenchmark {
  private RealModelBenchmark() {}

  /** Runs; argument: the reference budget (20000). */
  public static void main(String[] args) throws Exception {
    int referenceBudget = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path data = sharedData();
    List<RgbImage> images = paintings(data.resolve("art/images"), 8);
    try (EmbeddingModel model = new DjlEmbeddingModelProvider().open(context(data))) {
      System.out.println(
          "model "
              + model.info().id()
              + " on "
              + model.info().engine()
              + " "
              + model.info().device()
              + ", "
              + Runtime.getRuntime().availableProcessors()
              + " cores");
      double best = modelImagesPerSecond(model, images);
      CountingModel counted = new CountingModel(model, images);
      SimilarityFunction similarity = new EmbeddingSimilarity(counted);
      cam(similarity, images);
      kernelShap(similarity, counted, images, best, referenceBudget);
      kernelStii(similarity, counted, images, best);
    }
  }

  private static double modelImagesPerSecond(EmbeddingModel model, List<RgbImage> images) {
    double best = 0;
    for (int batch : new int[] {1, 8, 16, 32, 64}) {
      List<RgbImage> in = new ArrayList<>();
      for (int i = 0; i < batch; i++) {
        in.add(images.get(i % images.size()));
      }
      model.embed(in);
      int rounds = Math.max(3, 256 / batch);
      long t0 = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        model.embed(in);
      }
      double perSecond = rounds * batch / ((System.nanoTime() - t0) / 1e9);
      System.out.printf(Locale.ROOT, "model embed, batch %2d: %.1f images/s%n", batch, perSecond);
      best = Math.max(best, perSecond);
    }
    System.out.printf(Locale.ROOT, "model best: %.1f images/s%n", best);
    return best;
  }

  private static void cam(SimilarityFunction similarity, List<RgbImage> images) {
    for (String name : List.of("search-cam", "joint-cam")) {
      Explainer e = explainer(name);
      ExplanationParameters p =
          ExplanationParameters.defaults()
              .withOrder(name.equals("joint-cam") ? Order.JOINT : Order.FIRST)
              .withSegmentation(Segmentation.featureCells());
      double[] ms = new double[2 * images.size()];
      for (int k = 0; k < ms.length; k++) {
        RgbImage q = images.get(k % images.size());
        RgbImage t = images.get((k + 1) % images.size());
        long t0 = System.nanoTime();
        e.explain(ExplanationRequest.builder(q, t, similarity).parameters(p).build());
        ms[k] = (System.nanoTime() - t0) / 1e6;
      }
      double[] timed = Arrays.copyOfRange(ms, 3, ms.length);
      Arrays.sort(timed);
      System.out.printf(
          Locale.ROOT,
          "%s, 7x7 cells, both forward passes included: median %.1f ms, max %.1f ms per pair"
              + " (%d pairs after 3 warm-ups)%n",
          name,
          timed[timed.length / 2],
          timed[timed.length - 1],
          timed.length);
    }
  }

  private static void kernelShap(
      SimilarityFunction similarity,
      CountingModel counted,
      List<RgbImage> images,
      double best,
      int referenceBudget) {
    Explainer e = explainer("kernel-shap");
    ExplanationParameters p =
        ExplanationParameters.defaults()
            .withSides(EnumSet.of(Side.TARGET))
            .withSegmentation(Segmentation.grid(7, 7))
            .withCensor(Censor.blur(8))
            .withBatchSize(32);
    RgbImage q = images.get(0);
    RgbImage t = images.get(1);
    Explanation ref =
        run(
            e,
            q,
            t,
            similarity,
            counted,
            p.withBudget(referenceBudget).withSeed(1000),
            best,
            "reference");
    double[] refMap = ref.map(Side.TARGET).orElseThrow().values();
    for (long seed = 1; seed <= 3; seed++) {
      Explanation x =
          run(
              e,
              q,
              t,
              similarity,
              counted,
              p.withBudget(1000).withSeed(seed),
              best,
              "seed " + seed);
      double rho = RankCorrelation.spearman(refMap, x.map(Side.TARGET).orElseThrow().values());
      System.out.printf(
          Locale.ROOT,
          "  kernel-shap 7x7 @1000, seed %d: Spearman vs %d-evaluation reference %.3f%n",
          seed,
          referenceBudget,
          rho);
    }
  }

  private static void kernelStii(
      SimilarityFunction similarity, CountingModel counted, List<RgbImage> images, double best) {
    Explainer e = explainer("kernel-stii");
    ExplanationParameters p =
        ExplanationParameters.defaults()
            .withOrder(Order.JOINT)
            .withSegmentation(Segmentation.grid(4, 4))
            .withCensor(Censor.blur(8))
            .withBudget(2000)
            .withBatchSize(32);
    RgbImage q = images.get(2);
    RgbImage t = images.get(3);
    Explanation a = run(e, q, t, similarity, counted, p.withSeed(1), best, "4x4+4x4 seed 1");
    Explanation b = run(e, q, t, similarity, counted, p.withSeed(2), best, "4x4+4x4 seed 2");
    System.out.printf(
        Locale.ROOT,
        "  kernel-stii 4x4+4x4 @2000: Spearman of the 16x16 correspondences across seeds %.3f,"
            + " error indicator %.4f%n",
        RankCorrelation.spearman(flat(a), flat(b)),
        a.errorEstimate().orElse(Double.NaN));
  }

  static double[] flat(Explanation e) {
    double[][] m = e.joint().orElseThrow().interactions();
    return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
  }

  private static Explanation run(
      Explainer e,
      RgbImage q,
      RgbImage t,
      SimilarityFunction similarity,
      CountingModel counted,
      ExplanationParameters p,
      double best,
      String label) {
    long before = counted.images();
    int callsBefore = counted.calls();
    long t0 = System.nanoTime();
    Explanation x = e.explain(ExplanationRequest.builder(q, t, similarity).parameters(p).build());
    double s = (System.nanoTime() - t0) / 1e9;
    double pairsPerSecond = x.evaluations() / s;
    int censoredPerPair = p.order() == Order.JOINT ? 2 : 1;
    double modelPerSecond = (counted.images() - before) / s;
    double baseline = counted.replay(callsBefore, 15);
    System.out.printf(
        Locale.ROOT,
        "%s %s: %d evaluations in %.1f s = %.1f pairs/s, %.1f censored images/s; %.1f images/s"
            + " through the model = %.0f%% of the model alone on the same calls replayed right"
            + " after (%.1f images/s)%n",
        x.explainer(),
        label,
        x.evaluations(),
        s,
        pairsPerSecond,
        pairsPerSecond * censoredPerPair,
        modelPerSecond,
        100 * modelPerSecond / baseline,
        baseline);
    return x;
  }

  /** Counts the images that reach the model. */
  private static final class CountingModel implements EmbeddingModel {
    private final EmbeddingModel model;
    private final java.util.concurrent.atomic.AtomicLong images =
        new java.util.concurrent.atomic.AtomicLong();

    private final List<Integer> sizes = new ArrayList<>();
    private final List<RgbImage> pool;

    CountingModel(EmbeddingModel model, List<RgbImage> pool) {
      this.model = model;
      this.pool = pool;
    }

    long images() {
      return images.get();
    }

    int calls() {
      synchronized (sizes) {
        return sizes.size();
      }
    }

    /**
     * Replays the embed calls made since call {@code from} (same sizes, the benchmark's images,
     * straight to the model) for at most {@code seconds}; returns images/s.
     */
    double replay(int from, double seconds) {
      List<Integer> todo;
      synchronized (sizes) {
        todo = new ArrayList<>(sizes.subList(from, sizes.size()));
      }
      long n = 0;
      long t0 = System.nanoTime();
      for (int size : todo) {
        List<RgbImage> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          batch.add(pool.get((int) ((n + i) % pool.size())));
        }
        model.embed(batch);
        n += size;
        if ((System.nanoTime() - t0) / 1e9 > seconds) {
          break;
        }
      }
      return n / ((System.nanoTime() - t0) / 1e9);
    }

    @Override
    public org.mnemosyne.api.model.ModelInfo info() {
      return model.info();
    }

    @Override
    public List<org.mnemosyne.api.model.Embedding> embed(List<RgbImage> in) {
      images.addAndGet(in.size());
      synchronized (sizes) {
        sizes.add(in.size());
      }
      return model.embed(in);
    }

    @Override
    public List<org.mnemosyne.api.model.FeatureMap> featureMaps(List<RgbImage> in) {
      images.addAndGet(in.size());
      return model.featureMaps(in);
    }

    @Override
    public void close() {
      // the benchmark closes the real model
    }
  }

  static Explainer explainer(String name) {
    for (ExplainerProvider p : java.util.ServiceLoader.load(ExplainerProvider.class)) {
      if (p.name().equals(name)) {
        return p.create(null);
      }
    }
    throw new IllegalStateException("no explainer " + name);
  }

  static List<RgbImage> paintings(Path dir, int count) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(f -> f.toString().endsWith(".jpg")).sorted().limit(count).toList();
    }
    ImageDecoder decoder = new ImageDecoder();
    List<RgbImage> out = new ArrayList<>();
    for (Path f : files) {
      out.add(ImageResizer.toRgb(decoder.decode(f), 224, 224));
    }
    return out;
  }

  static Path sharedData() {
    String dir = System.getProperty("mnemosyne.shared.dir");
    Path shared = dir != null ? Path.of(dir) : Path.of("..", "shared");
    if (!Files.isDirectory(shared.resolve("data"))) {
      shared = Path.of("..", "..", "shared");
    }
    return shared.resolve("data").toAbsolutePath().normalize();
  }

  static PluginContext context(Path data) {
    return new PluginContext() {
      @Override
      public Optional<String> config(String key) {
        return Optional.ofNullable(System.getProperty(key));
      }

      @Override
      public Map<String, String> configWithPrefix(String prefix) {
        return Map.of();
      }

      @Override
      public Path dataDirectory() {
        return Path.of("target");
      }

      @Override
      public Path sharedDataDirectory() {
        return data;
      }

      @Override
      public System.Logger logger() {
        return System.getLogger("benchmark");
      }
    };
  }
}
