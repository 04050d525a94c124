package org.mnemosyne.index.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The ANCHORS.md set-up (issue 5, data set (a)): unit vectors from a mixture of Gaussian clusters,
 * and two categorical facets correlated with the clusters.
 *
 * <p>Cluster centres are uniform on the sphere; an item is {@code normalize(c + noise · g /
 * sqrt(d))} with {@code g} standard normal, so {@code noise = 1} puts an item at cosine ≈ 0.7 from
 * its centre and ≈ 0.5 from its cluster mates. With {@code decay > 0}, dimension {@code j} of
 * centres and noise is scaled by {@code (j + 1)^(-decay / 2)} before normalising: a power-law
 * spectrum (variance ∝ {@code (j + 1)^-decay}) like real image embeddings have, axis-aligned. Facet
 * {@code a} has {@code valuesA} values ({@code a0, a1, ...}), {@code b} has {@code valuesB}; each
 * cluster draws a home value of each from a Zipf law with exponent {@code zipf}, and an item takes
 * its cluster's home value with probability {@code 0.9}, else a fresh Zipf draw. Queries are fresh
 * draws from the mixture (not items of the collection).
 */
public final class SyntheticCollection {
  private final int d;
  private final float[][] centres;
  private final double noise;
  private final float[] spectrum;
  private final BenchCollection collection;

  /**
   * Generates the collection (deterministic for a seed).
   *
   * @param n items
   * @param d dimension
   * @param clusters number of Gaussian clusters
   * @param noise noise scale (1: cosine ≈ 0.7 to the centre)
   * @param decay power-law exponent of the spectrum (0: isotropic)
   * @param valuesA values of facet {@code a}
   * @param valuesB values of facet {@code b}
   * @param zipf Zipf exponent of the facet values
   * @param seed RNG seed
   */
  public SyntheticCollection(
      int n,
      int d,
      int clusters,
      double noise,
      double decay,
      int valuesA,
      int valuesB,
      double zipf,
      long seed) {
    this.spectrum = new float[d];
    for (int j = 0; j < d; j++) {
      spectrum[j] = (float) Math.pow(j + 1, -decay / 2);
    }
    this.d = d;
    this.noise = noise;
    Random rnd = new Random(seed);
    centres = new float[clusters][];
    int[] homeA = new int[clusters];
    int[] homeB = new int[clusters];
    double[] cdfA = zipfCdf(valuesA, zipf);
    double[] cdfB = zipfCdf(valuesB, zipf);
    for (int c = 0; c < clusters; c++) {
      centres[c] = unit(scaled(gaussian(rnd, d, 1.0)));
      homeA[c] = draw(cdfA, rnd);
      homeB[c] = draw(cdfB, rnd);
    }
    float[] vectors = new float[Math.multiplyExact(n, d)];
    int[] valueA = new int[n];
    int[] valueB = new int[n];
    for (int i = 0; i < n; i++) {
      int c = rnd.nextInt(clusters);
      System.arraycopy(sample(c, rnd), 0, vectors, i * d, d);
      valueA[i] = rnd.nextDouble() < 0.9 ? homeA[c] : draw(cdfA, rnd);
      valueB[i] = rnd.nextDouble() < 0.9 ? homeB[c] : draw(cdfB, rnd);
    }
    collection =
        new BenchCollection(
            "synthetic",
            d,
            vectors,
            new String[] {"a", "b"},
            new int[][] {valueA, valueB},
            new String[][] {names("a", valuesA), names("b", valuesB)});
  }

  /** The generated collection. */
  public BenchCollection collection() {
    return collection;
  }

  private static String[] names(String prefix, int count) {
    String[] out = new String[count];
    for (int v = 0; v < count; v++) {
      out[v] = prefix + v;
    }
    return out;
  }

  private static double[] zipfCdf(int values, double s) {
    double[] cdf = new double[values];
    double sum = 0;
    for (int v = 0; v < values; v++) {
      sum += Math.pow(v + 1, -s);
      cdf[v] = sum;
    }
    for (int v = 0; v < values; v++) {
      cdf[v] /= sum;
    }
    return cdf;
  }

  private static int draw(double[] cdf, Random rnd) {
    double u = rnd.nextDouble();
    int v = 0;
    while (v < cdf.length - 1 && cdf[v] < u) {
      v++;
    }
    return v;
  }

  private static float[] gaussian(Random rnd, int d, double scale) {
    float[] v = new float[d];
    for (int j = 0; j < d; j++) {
      v[j] = (float) (scale * rnd.nextGaussian());
    }
    return v;
  }

  private float[] scaled(float[] v) {
    for (int j = 0; j < v.length; j++) {
      v[j] *= spectrum[j];
    }
    return v;
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += (double) x * x;
    }
    for (int j = 0; j < v.length; j++) {
      v[j] = (float) (v[j] / Math.sqrt(norm));
    }
    return v;
  }

  private float[] sample(int cluster, Random rnd) {
    float[] g = scaled(gaussian(rnd, d, noise / Math.sqrt(d)));
    double norm = 0;
    for (int j = 0; j < d; j++) {
      norm += (double) spectrum[j] * spectrum[j];
    }
    for (int j = 0; j < d; j++) {
      g[j] = (float) (g[j] * Math.sqrt(d / norm) + centres[cluster][j]);
    }
    return unit(g);
  }

  /**
   * Fresh queries from the mixture.
   *
   * @param count how many
   * @param seed RNG seed
   */
  public List<float[]> queries(int count, long seed) {
    Random rnd = new Random(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(sample(rnd.nextInt(centres.length), rnd));
    }
    return out;
  }
}
