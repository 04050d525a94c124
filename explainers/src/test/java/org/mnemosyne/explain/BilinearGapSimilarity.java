package org.mnemosyne.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.mnemosyne.api.explain.GreyBoxSimilarity;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.explain.SimilarityFunction;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.FeatureMap;

/**
 * A synthetic "CNN + global average pooling" model whose answers are known in closed form: the
 * feature vector of cell j is a fixed linear map of the sum of the pixels in cell j (cells laid out
 * as a regular grid), so a cell censored to black has a zero feature vector; the similarity is the
 * inner product of the pooled features (or their cosine). Counts the pairs it scores.
 */
public final class BilinearGapSimilarity implements SimilarityFunction, GreyBoxSimilarity {
  private final int rows;
  private final int columns;
  private final double[][] weights;
  private final boolean cosine;
  private final AtomicLong pairs = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();

  /** A model with a {@code rows x columns} feature map of {@code channels} channels. */
  public BilinearGapSimilarity(int rows, int columns, int channels, long seed, boolean cosine) {
    this.rows = rows;
    this.columns = columns;
    this.cosine = cosine;
    Random r = new Random(seed);
    weights = new double[channels][3];
    for (double[] w : weights) {
      for (int c = 0; c < 3; c++) {
        w[c] = r.nextGaussian();
      }
    }
  }

  /** Pairs scored so far. */
  public long pairsScored() {
    return pairs.get();
  }

  /** Calls of {@link #similarity} so far. */
  public long calls() {
    return calls.get();
  }

  @Override
  public String id() {
    return "bilinear-gap";
  }

  @Override
  public Optional<GreyBoxSimilarity> greyBox() {
    return Optional.of(this);
  }

  @Override
  public double[] similarity(List<ImagePair> batch) {
    calls.incrementAndGet();
    pairs.addAndGet(batch.size());
    double[] out = new double[batch.size()];
    for (int k = 0; k < out.length; k++) {
      double[] a = pooled(map(batch.get(k).query()));
      double[] b = pooled(map(batch.get(k).target()));
      double dot = 0;
      double na = 0;
      double nb = 0;
      for (int c = 0; c < a.length; c++) {
        dot += a[c] * b[c];
        na += a[c] * a[c];
        nb += b[c] * b[c];
      }
      out[k] = cosine ? dot / Math.sqrt(na * nb) : dot;
    }
    return out;
  }

  @Override
  public List<FeatureMap> featureMaps(List<RgbImage> images) {
    List<FeatureMap> out = new ArrayList<>();
    for (RgbImage im : images) {
      out.add(map(im));
    }
    return out;
  }

  /** The feature map of an image. */
  public FeatureMap map(RgbImage im) {
    int w = im.width();
    int h = im.height();
    int cells = rows * columns;
    double[][] sums = new double[cells][3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int cell = (y * rows / h) * columns + x * columns / w;
        for (int c = 0; c < 3; c++) {
          sums[cell][c] += im.get(c, y, x);
        }
      }
    }
    float[] values = new float[weights.length * cells];
    for (int ch = 0; ch < weights.length; ch++) {
      for (int j = 0; j < cells; j++) {
        double s = 0;
        for (int c = 0; c < 3; c++) {
          s += weights[ch][c] * sums[j][c];
        }
        values[ch * cells + j] = (float) s;
      }
    }
    return new FeatureMap("bilinear", weights.length, rows, columns, values);
  }

  static double[] pooled(FeatureMap f) {
    int cells = f.height() * f.width();
    float[] v = f.values();
    double[] e = new double[f.channels()];
    for (int c = 0; c < e.length; c++) {
      for (int j = 0; j < cells; j++) {
        e[c] += v[c * cells + j];
      }
      e[c] /= cells;
    }
    return e;
  }
}
