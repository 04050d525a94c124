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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.FeatureMap;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.api.plugin.PluginException;

/**
 * An image CNN run by DJL with ONNX Runtime. A fixed pool of predictors, each with one intra-op
 * thread (on small machines parallel single-threaded predictors give the best throughput); a caller
 * borrows one predictor per batch. Thread-safe; {@link #close()} releases every predictor and the
 * model.
 */
public final class DjlEmbeddingModel implements EmbeddingModel {
  private static final System.Logger LOG = System.getLogger(DjlEmbeddingModel.class.getName());
  private static final int INPUT = 224;

  private final Model model;
  private final BlockingQueue<Predictor<ModelBatch, ModelOutput>> pool;
  private final List<Predictor<ModelBatch, ModelOutput>> all;
  private final ModelInfo info;
  private volatile boolean closed;

  private DjlEmbeddingModel(
      Model model, List<Predictor<ModelBatch, ModelOutput>> predictors, ModelInfo info) {
    this.model = model;
    this.all = List.copyOf(predictors);
    this.pool = new ArrayBlockingQueue<>(predictors.size(), false, predictors);
    this.info = info;
  }

  /** Loads the model described by {@code settings}. */
  static DjlEmbeddingModel open(ModelSettings settings) {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true"); // never download natives or weights
    }
    String deviceChoice = chooseDevice(settings.device());
    Model model = Model.newInstance(settings.modelId(), Device.cpu(), "OnnxRuntime");
    List<Predictor<ModelBatch, ModelOutput>> predictors = new ArrayList<>();
    try {
      String fileName = settings.modelFile().getFileName().toString();
      model.load(
          settings.modelDir(),
          fileName.substring(0, fileName.length() - ".onnx".length()),
          Map.of("intraOpNumThreads", "1", "interOpNumThreads", "1"));
      for (int i = 0; i < settings.predictors(); i++) {
        predictors.add(model.newPredictor(new CnnTranslator()));
      }
      ModelInfo probe = probe(predictors.get(0), settings, deviceChoice);
      LOG.log(
          Level.INFO,
          "model {0}@{1}: {2}, {3} predictor(s) x 1 intra-op thread, device {4}",
          probe.id(),
          probe.version(),
          probe.engine(),
          settings.predictors(),
          probe.device());
      return new DjlEmbeddingModel(model, predictors, probe);
    } catch (IOException | MalformedModelException | TranslateException | RuntimeException e) {
      predictors.forEach(Predictor::close);
      model.close();
      throw new PluginException(
          "cannot load model " + settings.modelFile() + ": " + e.getMessage(), e);
    }
  }

  private static String chooseDevice(String requested) {
    int gpus = Engine.getEngine("OnnxRuntime").getGpuCount();
    String choice =
        switch (requested) {
          case "cpu" -> "cpu (requested)";
          case "gpu" -> {
            if (gpus == 0) {
              throw new PluginException(
                  "mnemosyne.model.device=gpu but ONNX Runtime sees no GPU (the CPU build of ONNX"
                      + " Runtime is shipped); use auto or cpu");
            }
            yield "cpu (the shipped ONNX Runtime build runs on CPU only)";
          }
          default -> "cpu (auto: " + gpus + " GPU(s) visible to ONNX Runtime; CPU build shipped)";
        };
    LOG.log(Level.INFO, "model device: {0}", choice);
    return "cpu";
  }

  private static ModelInfo probe(
      Predictor<ModelBatch, ModelOutput> predictor, ModelSettings settings, String device)
      throws TranslateException, IOException {
    ModelOutput out = predictor.predict(new ModelBatch(1, new float[3 * INPUT * INPUT], true));
    Engine engine = Engine.getEngine("OnnxRuntime");
    return new ModelInfo(
        settings.modelId(),
        checksum(settings.modelFile()),
        out.embeddings()[0].length,
        INPUT,
        INPUT,
        out.features() != null,
        engine.getEngineName() + " " + engine.getVersion(),
        device);
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
    ModelOutput out = run(images, false);
    List<Embedding> result = new ArrayList<>(images.size());
    for (float[] v : out.embeddings()) {
      result.add(new Embedding(info.id(), info.version(), normalise(v)));
    }
    return result;
  }

  @Override
  public List<FeatureMap> featureMaps(List<RgbImage> images) {
    ModelOutput out = run(images, true);
    List<FeatureMap> result = new ArrayList<>(images.size());
    for (float[] f : out.features()) {
      result.add(
          new FeatureMap(
              info.id(), out.featureChannels(), out.featureHeight(), out.featureWidth(), f));
    }
    return result;
  }

  private ModelOutput run(List<RgbImage> images, boolean features) {
    if (closed) {
      throw new IllegalStateException("model is closed");
    }
    if (images.isEmpty()) {
      return new ModelOutput(new float[0][], features ? new float[0][] : null, 0, 0, 0);
    }
    int plane = INPUT * INPUT;
    float[] data = new float[images.size() * 3 * plane];
    for (int i = 0; i < images.size(); i++) {
      float[] px = InputPreprocessing.atModelSize(images.get(i), INPUT, INPUT).planes();
      int base = i * 3 * plane;
      for (int j = 0; j < px.length; j++) {
        data[base + j] = px[j] * 2f - 1f; // the model's normalisation: [0,1] -> [-1,1]
      }
    }
    Predictor<ModelBatch, ModelOutput> p;
    try {
      p = pool.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a predictor", e);
    }
    try {
      return p.predict(new ModelBatch(images.size(), data, features));
    } catch (TranslateException e) {
      throw new PluginException("model inference failed: " + e.getMessage(), e);
    } finally {
      pool.add(p);
    }
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
      all.forEach(Predictor::close);
      model.close();
    }
  }
}
