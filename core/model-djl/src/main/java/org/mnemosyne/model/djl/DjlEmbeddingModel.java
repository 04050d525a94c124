package org.mnemosyne.model.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.FeatureMap;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.api.plugin.PluginException;

/**
 * An image CNN run by DJL with ONNX Runtime (default) or PyTorch/TorchScript. The model must take
 * {@code input} [N, 3, S, S] in [-1, 1] and give {@code embedding} [N, D] and, for grey-box use,
 * {@code features} [N, D, h, w] (TorchScript: the same outputs by position, see the model README).
 *
 * <p>Throughput: a fixed pool of predictors, each with {@code intraOpThreads} threads (default 1:
 * on small machines parallel single-threaded predictors give the best throughput, measured in
 * docs/BENCHMARKS.md); a call borrows one predictor for its whole batch. Thread-safe; {@link
 * #close()} releases every predictor and the model. Nothing is downloaded: DJL runs offline.
 */
public final class DjlEmbeddingModel implements EmbeddingModel {
  private static final System.Logger LOG = System.getLogger(DjlEmbeddingModel.class.getName());

  private final Model model;
  private final BlockingQueue<Predictor<ModelBatch, ModelOutput>> pool;
  private final List<Predictor<ModelBatch, ModelOutput>> all;
  private final ModelInfo info;
  private final int side;
  private final java.util.concurrent.ExecutorService workers;
  private volatile boolean closed;

  private DjlEmbeddingModel(
      Model model, List<Predictor<ModelBatch, ModelOutput>> predictors, ModelInfo info, int side) {
    this.model = model;
    this.all = List.copyOf(predictors);
    this.pool = new ArrayBlockingQueue<>(predictors.size(), false, predictors);
    this.info = info;
    this.side = side;
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    this.workers =
        java.util.concurrent.Executors.newFixedThreadPool(
            predictors.size(),
            r -> {
              Thread t = new Thread(r, "mnemosyne-model-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Loads the model described by {@code settings}. */
  static DjlEmbeddingModel open(ModelSettings settings) {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true"); // never download natives or weights
    }
    if (settings.engine() == ModelSettings.Engine.PYTORCH) {
      // DJL's PyTorch defaults oversubscribe small machines (~40x slower); read at engine start.
      String threads = String.valueOf(settings.intraOpThreads());
      System.setProperty("ai.djl.pytorch.num_threads", threads);
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
      LibtorchGuard.check(System.getenv(), LibtorchGuard.supportedVersion());
    }
    if (!Engine.hasEngine(settings.engine().djlName)) {
      throw new PluginException(
          "the "
              + settings.engine().djlName
              + " engine is not on the class path; build with the 'pytorch' profile"
              + " (mvn -Ppytorch ...) or use mnemosyne.model.engine=onnx");
    }
    Device device = chooseDevice(settings);
    Model model = Model.newInstance(settings.modelId(), device, settings.engine().djlName);
    List<Predictor<ModelBatch, ModelOutput>> predictors = new ArrayList<>();
    try {
      String threads = String.valueOf(settings.intraOpThreads());
      model.load(
          settings.modelDir(),
          settings.modelName(),
          settings.engine() == ModelSettings.Engine.ONNX
              ? Map.of("intraOpNumThreads", threads, "interOpNumThreads", "1")
              : Map.of());
      for (int i = 0; i < settings.predictors(); i++) {
        predictors.add(model.newPredictor(new CnnTranslator()));
      }
      DjlEmbeddingModel m =
          new DjlEmbeddingModel(model, predictors, probe(predictors.get(0), settings, device), 224);
      LOG.log(
          Level.INFO,
          "model {0}@{1}: {2} on {3}, {4} predictor(s) x {5} intra-op thread(s)",
          m.info.id(),
          m.info.version(),
          m.info.engine(),
          m.info.device(),
          settings.predictors(),
          settings.intraOpThreads());
      return m;
    } catch (IOException | MalformedModelException | TranslateException | RuntimeException e) {
      predictors.forEach(Predictor::close);
      model.close();
      throw new PluginException(
          "cannot load model " + settings.modelFile() + ": " + e.getMessage(), e);
    }
  }

  /** CPU or GPU, with one log line saying what was chosen and why. */
  private static Device chooseDevice(ModelSettings settings) {
    Engine engine = Engine.getEngine(settings.engine().djlName);
    int gpus = engine.getGpuCount();
    boolean gpuBuild = settings.engine() == ModelSettings.Engine.PYTORCH;
    String why;
    Device device;
    switch (settings.device()) {
      case "cpu" -> {
        device = Device.cpu();
        why = "requested";
      }
      case "gpu" -> {
        if (gpus == 0 || !gpuBuild) {
          throw new PluginException(
              "mnemosyne.model.device=gpu but "
                  + engine.getEngineName()
                  + (gpuBuild
                      ? " sees no GPU (are the CUDA natives installed?)"
                      : " is the CPU build; use mnemosyne.model.engine=pytorch with CUDA natives")
                  + "; use auto or cpu");
        }
        device = Device.gpu();
        why = "requested";
      }
      default -> {
        device = gpuBuild && gpus > 0 ? Device.gpu() : Device.cpu();
        why =
            "auto: "
                + gpus
                + " GPU(s) visible to "
                + engine.getEngineName()
                + (gpuBuild ? "" : " (CPU build)");
      }
    }
    LOG.log(Level.INFO, "model device: {0} ({1})", device, why);
    return device;
  }

  private static ModelInfo probe(
      Predictor<ModelBatch, ModelOutput> predictor, ModelSettings settings, Device device)
      throws TranslateException, IOException {
    ModelOutput out =
        predictor.predict(
            new ModelBatch(
                1, new float[3 * 224 * 224], 224, EnumSet.of(ModelOutput.Kind.EMBEDDING)));
    boolean features;
    try {
      ModelOutput f =
          predictor.predict(
              new ModelBatch(
                  1, new float[3 * 224 * 224], 224, EnumSet.of(ModelOutput.Kind.FEATURES)));
      long[] shape = f.shape(ModelOutput.Kind.FEATURES);
      features = shape.length == 3 && shape[0] == out.shape(ModelOutput.Kind.EMBEDDING)[0];
    } catch (TranslateException e) {
      features = false;
    }
    Engine engine = Engine.getEngine(settings.engine().djlName);
    return new ModelInfo(
        settings.modelId(),
        checksum(settings.modelFile()),
        (int) out.shape(ModelOutput.Kind.EMBEDDING)[0],
        224,
        224,
        features,
        engine.getEngineName() + " " + engine.getVersion(),
        device.toString());
  }

  private static String checksum(java.nio.file.Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public List<Embedding> embed(List<RgbImage> images) {
    float[][] raw =
        outputs(images, EnumSet.of(ModelOutput.Kind.EMBEDDING)).get(ModelOutput.Kind.EMBEDDING);
    List<Embedding> result = new ArrayList<>(images.size());
    for (float[] v : raw) {
      result.add(new Embedding(info.id(), info.version(), normalise(v)));
    }
    return result;
  }

  @Override
  public List<FeatureMap> featureMaps(List<RgbImage> images) {
    if (!info.featureMaps()) {
      throw new UnsupportedOperationException("model " + info.id() + " has no feature maps");
    }
    ModelOutput out = outputs(images, EnumSet.of(ModelOutput.Kind.FEATURES));
    long[] s = out.shape(ModelOutput.Kind.FEATURES);
    List<FeatureMap> result = new ArrayList<>(images.size());
    for (float[] f : out.get(ModelOutput.Kind.FEATURES)) {
      result.add(new FeatureMap(info.id(), (int) s[0], (int) s[1], (int) s[2], f));
    }
    return result;
  }

  /**
   * Any outputs of the model for images (tests and benchmarks read logits and class maps). A list
   * of several images is spread over the predictors one image at a time (batch 1 is fastest on CPU,
   * see docs/BENCHMARKS.md), so one caller with many images keeps every core busy.
   */
  ModelOutput outputs(List<RgbImage> images, Set<ModelOutput.Kind> kinds) {
    if (images.isEmpty()) {
      return ModelOutput.empty();
    }
    if (images.size() == 1 || all.size() == 1) {
      return chunk(images, kinds);
    }
    List<java.util.concurrent.Future<ModelOutput>> parts = new ArrayList<>();
    for (RgbImage image : images) {
      parts.add(workers.submit(() -> chunk(List.of(image), kinds)));
    }
    ModelOutput merged = ModelOutput.empty();
    try {
      for (java.util.concurrent.Future<ModelOutput> f : parts) {
        ModelOutput part = f.get();
        for (ModelOutput.Kind kind : kinds) {
          float[][] have = merged.values().getOrDefault(kind, new float[0][]);
          float[][] add = part.get(kind);
          float[][] both = java.util.Arrays.copyOf(have, have.length + add.length);
          System.arraycopy(add, 0, both, have.length, add.length);
          merged.values().put(kind, both);
          merged.shapes().put(kind, part.shape(kind));
        }
      }
    } catch (InterruptedException e) {
      parts.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (java.util.concurrent.ExecutionException e) {
      parts.forEach(f -> f.cancel(true));
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new PluginException("model inference failed: " + e.getCause(), e.getCause());
    }
    return merged;
  }

  private ModelOutput chunk(List<RgbImage> images, Set<ModelOutput.Kind> kinds) {
    int plane = side * side;
    float[] data = new float[images.size() * 3 * plane];
    for (int i = 0; i < images.size(); i++) {
      InputPreprocessing.atModelSize(images.get(i), side, side).copyPlanesTo(data, i * 3 * plane);
    }
    for (int j = 0; j < data.length; j++) {
      data[j] = data[j] * 2f - 1f; // the model's normalisation: [0,1] -> [-1,1]
    }
    return run(new ModelBatch(images.size(), data, side, kinds));
  }

  /** Runs an already normalised batch (the benchmark's raw path). */
  ModelOutput run(ModelBatch batch) {
    if (closed) {
      throw new IllegalStateException("model is closed");
    }
    Predictor<ModelBatch, ModelOutput> p;
    try {
      p = pool.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a predictor", e);
    }
    try {
      return p.predict(batch);
    } catch (TranslateException e) {
      throw new PluginException("model inference failed: " + e.getMessage(), e);
    } finally {
      pool.add(p);
    }
  }

  /** The DJL model's root manager (tests count its live native arrays). */
  Model djlModel() {
    return model;
  }

  private static float[] normalise(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    float inv = s > 0 ? (float) (1.0 / Math.sqrt(s)) : 0f;
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * inv;
    }
    return out;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      workers.shutdownNow();
      all.forEach(Predictor::close);
      model.close();
    }
  }
}
