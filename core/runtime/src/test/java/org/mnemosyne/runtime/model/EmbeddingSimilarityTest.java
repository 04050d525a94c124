package org.mnemosyne.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.Embedding;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.FeatureMap;
import org.mnemosyne.api.model.ModelInfo;

class EmbeddingSimilarityTest {
  /** A fake model of one class: the embedding is the normalised mean colour. Counts images. */
  static final class MeanColourModel implements EmbeddingModel {
    int embedded;

    @Override
    public ModelInfo info() {
      return new ModelInfo("mean", "1", 3, 2, 2, false, "none", "cpu");
    }

    @Override
    public List<Embedding> embed(List<RgbImage> images) {
      embedded += images.size();
      List<Embedding> out = new ArrayList<>();
      for (RgbImage img : images) {
        float[] v = new float[3];
        for (int c = 0; c < 3; c++) {
          v[c] = (img.get(c, 0, 0) + img.get(c, 1, 1)) / 2;
        }
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        for (int c = 0; c < 3; c++) {
          v[c] /= (float) n;
        }
        out.add(new Embedding("mean", "1", v));
      }
      return out;
    }

    @Override
    public List<FeatureMap> featureMaps(List<RgbImage> images) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  private static RgbImage solid(float r, float g, float b) {
    float[] p = new float[12];
    for (int i = 0; i < 4; i++) {
      p[i] = r;
      p[4 + i] = g;
      p[8 + i] = b;
    }
    return RgbImage.ofPlanes(2, 2, p);
  }

  @Test
  void scoresAreCosinesAndTheRepeatedQueryIsEmbeddedOnce() {
    MeanColourModel model = new MeanColourModel();
    EmbeddingSimilarity sim = new EmbeddingSimilarity(model);
    RgbImage query = solid(1, 0, 0);
    List<ImagePair> batch1 =
        List.of(new ImagePair(query, solid(1, 0, 0)), new ImagePair(query, solid(0, 1, 0)));
    double[] s = sim.similarity(batch1);
    assertEquals(1.0, s[0], 1e-6);
    assertEquals(0.0, s[1], 1e-6);
    assertEquals(3, model.embedded); // query once, two targets

    double[] t = sim.similarity(List.of(new ImagePair(query, solid(1, 1, 0))));
    assertEquals(1 / Math.sqrt(2), t[0], 1e-6);
    assertEquals(4, model.embedded); // the query was remembered across calls
  }
}
