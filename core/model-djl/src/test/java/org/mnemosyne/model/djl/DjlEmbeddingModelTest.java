package org.mnemosyne.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.FeatureMap;
import org.mnemosyne.api.plugin.PluginException;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;

/** The real shipped MobileNetV2 through ONNX Runtime, offline. */
class DjlEmbeddingModelTest {
  private static final Path SHARED = Path.of(System.getProperty("mnemosyne.shared.dir"));
  private static final Path MODEL_DIR = SHARED.resolve("data/models/mobilenet_v2_1.0_224");
  private static DjlEmbeddingModel model;
  private static List<RgbImage> photos;

  @BeforeAll
  static void load() throws Exception {
    model = DjlEmbeddingModel.open(ModelSettings.of(MODEL_DIR, "auto", 2));
    photos = new ArrayList<>();
    for (String name : new String[] {"cat.bmp", "parrot.jpg", "hot_dog.jpg", "owl.jpg"}) {
      byte[] bytes = Files.readAllBytes(SHARED.resolve("data/testimages").resolve(name));
      photos.add(ImageResizer.toRgb(new ImageDecoder().decode(bytes), 224, 224));
    }
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void describesTheShippedModel() {
    assertEquals("mobilenet_v2_1.0_224", model.info().id());
    assertEquals("ddf16bb2", model.info().version()); // sha256 prefix from the model README
    assertEquals(1280, model.info().dimension());
    assertTrue(model.info().featureMaps());
    assertTrue(model.info().engine().startsWith("OnnxRuntime"), model.info().engine());
  }

  @Test
  void embeddingsAreUnitVectorsTaggedWithTheModel() {
    for (Embedding e : model.embed(photos)) {
      assertEquals(1280, e.dimension());
      assertEquals(1.0, e.dot(e), 1e-4);
      assertEquals("mobilenet_v2_1.0_224", e.modelId());
    }
  }

  @Test
  void batchingDoesNotChangeTheVectors() {
    List<Embedding> batch = model.embed(photos);
    for (int i = 0; i < photos.size(); i++) {
      float[] single = model.embed(List.of(photos.get(i))).get(0).vector();
      assertArrayEquals(single, batch.get(i).vector(), 1e-5f);
    }
  }

  @Test
  void theEmbeddingIsTheNormalisedSpatialMeanOfTheFeatureMap() {
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
  void differentPhotosAreLessSimilarThanAPhotoToItself() {
    List<Embedding> e = model.embed(photos);
    for (int i = 0; i < e.size(); i++) {
      for (int j = 0; j < e.size(); j++) {
        if (i != j) {
          assertTrue(e.get(i).dot(e.get(j)) < 0.95, "photos " + i + "," + j);
        }
      }
    }
  }

  @Test
  void aMissingModelDirectoryIsAClearError() {
    PluginException e =
        assertThrows(
            PluginException.class,
            () -> ModelSettings.of(Path.of("/nonexistent/model"), "auto", 1));
    assertTrue(e.getMessage().contains("mnemosyne.model.dir"), e.getMessage());
  }
}
