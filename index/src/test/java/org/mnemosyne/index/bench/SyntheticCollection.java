package org.mnemosyne.index.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.api.index.VectorSource;

/**
 * The ANCHORS.md set-up: unit vectors from a mixture of Gaussian clusters, and two categorical
 * facets correlated with the clusters.
 *
 * <p>Cluster centres are uniform on the sphere; an item is {@code normalize(c + noise · g /
 * sqrt(d))} with {@code g} standard normal, so {@code noise = 1} puts an item at cosine ≈ 0.7 from
 * its centre and ≈ 0.5 from its cluster mates. With {@code decay > 0}, dimension {@code j} of
 * centres and noise is scaled by {@code (j + 1)^(-decay / 2)} before normalising: a power-law
 * spectrum (variance ∝ {@code (j + 1)^-decay}) like real image embeddings have, axis-aligned. Facet
 * {@code a} has {@code valuesA} values, {@code b} has {@code valuesB}; each cluster draws a home
 * value of each from a Zipf law with exponent {@code zipf}, and an item takes its cluster's home
 * value with probability {@code 0.9}, else a fresh Zipf draw. Queries are fresh draws from the
 * mixture (not items of the collection).
 */
final class SyntheticCollection implements VectorSource {
  static final FacetSchema SCHEMA =
      FacetSchema.of(FacetField.categorical("a", false), FacetField.categorical("b", false));

  final int n;
  final int d;
  final float[] vectors;
  final int[] valueA;
  final int[] valueB;
  final int valuesA;
  final int valuesB;
  private final float[][] centres;
  private final double noise;
  private final float[] spectrum;

  SyntheticCollection(
      int n,
      int d,
      int clusters,
      double noise,
      double decay,
      int valuesA,
      int valuesB,
      double zipf,
      long seed) {
    this.n = n;
    this.spectrum = new float[d];
    for (int j = 0; j < d; j++) {
      spectrum[j] = (float) Math.pow(j + 1, -decay / 2);
    }
    this.d = d;
    this.noise = noise;
    this.valuesA = valuesA;
    this.valuesB = valuesB;
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
    vectors = new float[n * d];
    valueA = new int[n];
    valueB = new int[n];
    for (int i = 0; i < n; i++) {
      int c = rnd.nextInt(clusters);
      System.arraycopy(sample(c, rnd), 0, vectors, i * d, d);
      valueA[i] = rnd.nextDouble() < 0.9 ? homeA[c] : draw(cdfA, rnd);
      valueB[i] = rnd.nextDouble() < 0.9 ? homeB[c] : draw(cdfB, rnd);
    }
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

  /** Fresh queries from the mixture. */
  List<float[]> queries(int count, long seed) {
    Random rnd = new Random(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(sample(rnd.nextInt(centres.length), rnd));
    }
    return out;
  }

  /** One condition: an OR of values of one facet; its selectivity is exact. */
  record Target(String facet, int[] values, double selectivity) {
    Condition condition() {
      List<Condition> terms = new ArrayList<>();
      for (int v : values) {
        terms.add(Condition.term(facet, facet + v));
      }
      return terms.size() == 1 ? terms.get(0) : Condition.or(terms);
    }

    boolean[] allowed(int count) {
      boolean[] ok = new boolean[count];
      for (int v : values) {
        ok[v] = true;
      }
      return ok;
    }
  }

  /**
   * The single value or OR of values (of either facet) whose selectivity is closest to the target
   * in ratio: values are added greedily, largest first, while that brings the total closer.
   */
  Target closest(double target) {
    Target best = null;
    for (String facet : new String[] {"a", "b"}) {
      int[] values = "a".equals(facet) ? valueA : valueB;
      int count = "a".equals(facet) ? valuesA : valuesB;
      long[] freq = new long[count];
      for (int v : values) {
        freq[v]++;
      }
      for (int first = 0; first < count; first++) {
        List<Integer> chosen = new ArrayList<>(List.of(first));
        double sel = freq[first] / (double) n;
        boolean improved = true;
        while (improved) {
          improved = false;
          int bestNext = -1;
          for (int v = 0; v < count; v++) {
            if (!chosen.contains(v)
                && Math.abs(Math.log((sel + freq[v] / (double) n) / target))
                    < Math.abs(Math.log(sel / target))
                && (bestNext < 0 || freq[v] > freq[bestNext])) {
              bestNext = v;
            }
          }
          if (bestNext >= 0) {
            chosen.add(bestNext);
            sel += freq[bestNext] / (double) n;
            improved = true;
          }
        }
        if (sel > 0
            && (best == null
                || Math.abs(Math.log(sel / target)) < Math.abs(Math.log(best.selectivity / target))
                || (Math.abs(Math.log(sel / target))
                        == Math.abs(Math.log(best.selectivity / target))
                    && chosen.size() < best.values.length))) {
          best = new Target(facet, chosen.stream().mapToInt(Integer::intValue).toArray(), sel);
        }
      }
    }
    return best;
  }

  @Override
  public String modelId() {
    return "synthetic";
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public FacetSchema schema() {
    return SCHEMA;
  }

  @Override
  public long count() {
    return n;
  }

  @Override
  public void scan(Consumer<IndexedItem> sink) {
    for (int i = 0; i < n; i++) {
      float[] v = new float[d];
      System.arraycopy(vectors, i * d, v, 0, d);
      sink.accept(
          new IndexedItem(
              i,
              v,
              ItemFacets.builder().add("a", "a" + valueA[i]).add("b", "b" + valueB[i]).build()));
    }
  }
}
