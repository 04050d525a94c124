package org.mnemosyne.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.FeatureMap;
import org.mnemosyne.api.plugin.PluginException;
import org.mnemosyne.model.djl.ModelSettings.Engine;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;

/** The real shipped MobileNetV2 through both engines, offline, with known answers. */
class DjlEmbeddingModelTest {
  private static final Path SHARED = Path.of(System.getProperty("mnemosyne.shared.dir"));
  private static final Path MODEL_DIR = SHARED.resolve("data/models/mobilenet_v2_1.0_224");

  /** The documented top-1 classes of the test photos (synset.txt line numbers). */
  private static final Map<String, Integer> TOP1 =
      Map.of("cat.bmp", 286, "parrot.jpg", 89, "hot_dog.jpg", 935, "owl.jpg", 83);

  private static final Map<Engine, DjlEmbeddingModel> MODELS = new EnumMap<>(Engine.class);
  private static final List<String> NAMES =
      List.of("cat.bmp", "parrot.jpg", "hot_dog.jpg", "owl.jpg");
  private static List<RgbImage> photos;

  @BeforeAll
  static void load() throws Exception {
    for (Engine e : Engine.values()) {
      MODELS.put(e, DjlEmbeddingModel.open(ModelSettings.of(MODEL_DIR, e, "auto", 2)));
    }
    photos = new ArrayList<>();
    for (String name : NAMES) {
      byte[] bytes = Files.readAllBytes(SHARED.resolve("data/testimages").resolve(name));
      photos.add(ImageResizer.toRgb(new ImageDecoder().decode(bytes, 224, 224), 224, 224));
    }
  }

  @AfterAll
  static void close() {
    MODELS.values().forEach(DjlEmbeddingModel::close);
  }

  @Test
  void theNetworkIsUnreachableSoNothingCanBeDownloaded() {
    // The surefire configuration routes every socket through a dead SOCKS proxy on 127.0.0.1:9.
    assertThrows(
        IOException.class,
        () -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("repo.maven.apache.org", 443), 2000);
          }
        });
    assertEquals("true", System.getProperty("ai.djl.offline"));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void describesTheShippedModel(Engine engine) {
    var info = MODELS.get(engine).info();
    assertEquals("mobilenet_v2_1.0_224", info.id());
    assertEquals(engine == Engine.ONNX ? "ddf16bb2" : "c93de30c", info.version()); // README sha256
    assertEquals(1280, info.dimension());
    assertTrue(info.featureMaps());
    assertTrue(info.engine().startsWith(engine.djlName), info.engine());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theTestPhotosGetTheirDocumentedTopClass(Engine engine) {
    float[][] logits =
        MODELS
            .get(engine)
            .outputs(photos, EnumSet.of(ModelOutput.Kind.LOGITS))
            .get(ModelOutput.Kind.LOGITS);
    for (int i = 0; i < NAMES.size(); i++) {
      assertEquals(TOP1.get(NAMES.get(i)), argmax(logits[i]), engine + " " + NAMES.get(i));
    }
  }

  @Test
  void bothEnginesGiveTheSameEmbeddings() {
    List<Embedding> onnx = MODELS.get(Engine.ONNX).embed(photos);
    List<Embedding> torch = MODELS.get(Engine.PYTORCH).embed(photos);
    for (int i = 0; i < photos.size(); i++) {
      assertArrayEquals(onnx.get(i).vector(), torch.get(i).vector(), 1e-3f, NAMES.get(i));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void classMapsAverageToTheLogits(Engine engine) {
    ModelOutput out =
        MODELS
            .get(engine)
            .outputs(
                photos.subList(0, 1),
                EnumSet.of(ModelOutput.Kind.LOGITS, ModelOutput.Kind.CLASS_MAPS));
    float[] logits = out.get(ModelOutput.Kind.LOGITS)[0];
    float[] maps = out.get(ModelOutput.Kind.CLASS_MAPS)[0];
    assertArrayEquals(new long[] {1001, 7, 7}, out.shape(ModelOutput.Kind.CLASS_MAPS));
    for (int c = 0; c < 1001; c++) {
      double mean = 0;
      for (int j = 0; j < 49; j++) {
        mean += maps[c * 49 + j] / 49.0;
      }
      assertEquals(logits[c], mean, 1e-3, "class " + c);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theEmbeddingIsTheNormalisedSpatialMeanOfTheFeatureMap(Engine engine) {
    DjlEmbeddingModel model = MODELS.get(engine);
    FeatureMap f = model.featureMaps(List.of(photos.get(0))).get(0);
    assertEquals(1280, f.channels());
    assertEquals(7, f.height());
    assertEquals(7, f.width());
    double[] mean = new double[f.channels()];
    double norm = 0;
    for (int c = 0; c < f.channels(); c++) {
      for (int y = 0; y < 7; y++) {
        for (int x = 0; x < 7; x++) {
          mean[c] += f.get(c, y, x) / 49.0;
        }
      }
      norm += mean[c] * mean[c];
    }
    float[] e = model.embed(List.of(photos.get(0))).get(0).vector();
    for (int c = 0; c < f.channels(); c++) {
      assertEquals(mean[c] / Math.sqrt(norm), e[c], 1e-4);
    }
  }

  @Test
  void embeddingsAreUnitVectorsAndBatchingDoesNotChangeThem() {
    DjlEmbeddingModel model = MODELS.get(Engine.ONNX);
    List<Embedding> batch = model.embed(photos);
    for (int i = 0; i < photos.size(); i++) {
      assertEquals(1.0, batch.get(i).dot(batch.get(i)), 1e-4);
      float[] single = model.embed(List.of(photos.get(i))).get(0).vector();
      assertArrayEquals(single, batch.get(i).vector(), 1e-5f);
    }
  }

  @Test
  void noNativeArrayOutlivesACall() {
    DjlEmbeddingModel model = MODELS.get(Engine.ONNX);
    var manager = model.djlModel().getNDManager();
    model.embed(photos.subList(0, 1)); // warm up
    int before = manager.getManagedArrays().size();
    for (int i = 0; i < 200; i++) {
      model.embed(photos.subList(i % 4, i % 4 + 1));
      if (i % 50 == 0) {
        model.featureMaps(photos.subList(0, 2));
      }
    }
    assertEquals(before, manager.getManagedArrays().size());
  }

  @Test
  void aMissingModelDirectoryIsAClearError() {
    PluginException e =
        assertThrows(
            PluginException.class,
            () -> ModelSettings.of(Path.of("/nonexistent/model"), Engine.ONNX, "auto", 1));
    assertTrue(e.getMessage().contains("mnemosyne.model.dir"), e.getMessage());
  }

  @Test
  void aCorruptModelFileIsAClearErrorNamingTheFile(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("broken.onnx"), "this is not a model".getBytes());
    PluginException e =
        assertThrows(
            PluginException.class,
            () -> DjlEmbeddingModel.open(ModelSettings.of(dir, Engine.ONNX, "auto", 1)));
    assertTrue(e.getMessage().contains("broken.onnx"), e.getMessage());
  }

  @Test
  void aGpuRequestWithoutAGpuIsRefused() {
    PluginException e =
        assertThrows(
            PluginException.class,
            () -> DjlEmbeddingModel.open(ModelSettings.of(MODEL_DIR, Engine.ONNX, "gpu", 1)));
    assertTrue(e.getMessage().contains("gpu"), e.getMessage());
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(PluginException.class, () -> ModelSettings.of(MODEL_DIR, Engine.ONNX, "tpu", 1));
    assertThrows(PluginException.class, () -> ModelSettings.of(MODEL_DIR, Engine.ONNX, "cpu", 0));
    assertThrows(PluginException.class, () -> Engine.parse("tensorflow"));
  }

  static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
