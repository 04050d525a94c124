package org.mnemosyne.index.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.index.IndexFixtures;

class PrefixBoundsTest {

  private static float[] rowMajor(List<IndexedItem> items, int d) {
    float[] x = new float[items.size() * d];
    for (int i = 0; i < items.size(); i++) {
      System.arraycopy(items.get(i).vector(), 0, x, i * d, d);
    }
    return x;
  }

  @Test
  void prefixBoundsNeverRejectAnItemAtItsOwnScoreAndPruneOnPowerLawData() {
    Random rnd = new Random(1);
    int d = 256;
    List<IndexedItem> items =
        IndexFixtures.items(new IndexFixtures.Shape(3000, d, 4, 4, 30, false, 1.0, 1.2), rnd);
    float[] x = rowMajor(items, d);
    PrincipalDirections principal = PrincipalDirections.compute(x, items.size(), d, 128, 1);
    assertTrue(principal.energy() > 0.6, "power-law spectrum: " + principal.energy());
    PrefixBounds bounds = PrefixBounds.build(x, items.size(), principal);
    long rejected = 0;
    long tested = 0;
    int group = bounds.group();
    float[] out = new float[group];
    for (int t = 0; t < 20; t++) {
      QueryVector q = QueryVector.of(IndexFixtures.query(items, d, rnd), d);
      PrefixBounds.Query pq = bounds.prepare(q);
      for (int g = 0; g * group < items.size(); g++) {
        for (float threshold : new float[] {Float.NEGATIVE_INFINITY, 0.5f, 2f}) {
          bounds.bound(pq, g, threshold, out);
          for (int l = 0; l < group && g * group + l < items.size(); l++) {
            int i = g * group + l;
            float score = DotProduct.dot(q.padded(), 0, x, i * d, d);
            assertTrue(out[l] >= score, "a bound fell below the score of item " + i);
            if (threshold == 0.5f) {
              tested++;
              rejected += out[l] < 0.5f ? 1 : 0;
            }
          }
        }
      }
    }
    assertTrue(rejected > tested / 2, "prefixes reject most items below 0.5: " + rejected);
  }

  @Test
  void isotropicDataCapturesLittleEnergy() {
    Random rnd = new Random(2);
    int d = 256;
    List<IndexedItem> items =
        IndexFixtures.items(new IndexFixtures.Shape(2000, d, 4, 4, 200, false), rnd);
    PrincipalDirections principal =
        PrincipalDirections.compute(rowMajor(items, d), items.size(), d, 64, 1);
    assertTrue(principal.energy() < 0.6, "flat spectrum: " + principal.energy());
    float[] u = principal.directions();
    for (int a = 0; a < 64; a++) {
      for (int b = 0; b < 64; b++) {
        double dot = 0;
        for (int j = 0; j < d; j++) {
          dot += (double) u[a * d + j] * u[b * d + j];
        }
        assertTrue(Math.abs(dot - (a == b ? 1 : 0)) < 1e-5, "orthonormal directions");
      }
    }
  }
}
