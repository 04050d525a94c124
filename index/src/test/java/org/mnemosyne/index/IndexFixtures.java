package org.mnemosyne.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.Hit;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.api.index.VectorSource;
import org.mnemosyne.index.vector.DotProduct;

/** Random items, conditions and the brute-force oracle shared by the index tests. */
public final class IndexFixtures {
  /** culture: single-valued; medium: multi-valued; year: numeric; tag: rare, many values. */
  public static final FacetSchema SCHEMA =
      FacetSchema.of(
          FacetField.categorical("culture", false),
          FacetField.categorical("medium", true),
          FacetField.numeric("year"),
          FacetField.categorical("tag", true));

  /** Best first, equal scores by ascending id. */
  public static final Comparator<Hit> BEST_FIRST =
      Comparator.comparingDouble(Hit::score).reversed().thenComparingLong(Hit::itemId);

  private IndexFixtures() {}

  /**
   * How to draw random items.
   *
   * @param noise standard deviation of the per-dimension noise around a cluster centre whose
   *     components have standard deviation 1
   * @param decay dimension j of centres and noise is scaled by {@code (j + 1)^(-decay / 2)}: a
   *     power-law spectrum like real embeddings (0: isotropic)
   */
  public record Shape(
      int n,
      int d,
      int cultures,
      int media,
      int clusters,
      boolean coarse,
      double noise,
      double decay) {
    /** Isotropic, with noise 1 (weak clusters). */
    public Shape(int n, int d, int cultures, int media, int clusters, boolean coarse) {
      this(n, d, cultures, media, clusters, coarse, 1.0, 0);
    }

    /** Isotropic. */
    public Shape(
        int n, int d, int cultures, int media, int clusters, boolean coarse, double noise) {
      this(n, d, cultures, media, clusters, coarse, noise, 0);
    }
  }

  /**
   * Random items: clustered unit-ish vectors, some duplicates and zero vectors, coarse values (many
   * exact ties) when asked; ids are sparse and shuffled; facets correlated with clusters, with
   * missing values and multi-valued media.
   */
  public static List<IndexedItem> items(Shape s, Random rnd) {
    float[][] centres = new float[Math.max(1, s.clusters())][s.d()];
    double[] spectrum = new double[s.d()];
    for (int j = 0; j < s.d(); j++) {
      spectrum[j] = Math.pow(j + 1, -s.decay() / 2);
    }
    for (float[] c : centres) {
      for (int j = 0; j < s.d(); j++) {
        c[j] = (float) (spectrum[j] * rnd.nextGaussian());
      }
    }
    List<IndexedItem> items = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < s.n(); i++) {
      ids.add(i * 7L + rnd.nextInt(7) - 1_000);
    }
    java.util.Collections.shuffle(ids, rnd);
    for (int i = 0; i < s.n(); i++) {
      int cluster = rnd.nextInt(centres.length);
      float[] v = new float[s.d()];
      int kind = rnd.nextInt(50);
      if (kind == 0 && !items.isEmpty()) {
        v = items.get(rnd.nextInt(items.size())).vector(); // duplicate vector
      } else if (kind != 1) { // kind 1: zero vector
        double norm = 0;
        for (int j = 0; j < s.d(); j++) {
          v[j] = (float) (centres[cluster][j] + spectrum[j] * s.noise() * rnd.nextGaussian());
          norm += v[j] * v[j];
        }
        for (int j = 0; j < s.d(); j++) {
          v[j] = (float) (v[j] / Math.sqrt(norm));
          if (s.coarse()) {
            v[j] = Math.round(v[j] * 4) / 4f;
          }
        }
      }
      ItemFacets.Builder f = ItemFacets.builder();
      if (rnd.nextInt(10) > 0) {
        int c = rnd.nextInt(4) > 0 ? cluster % s.cultures() : rnd.nextInt(s.cultures());
        f.add("culture", "c" + c);
      }
      int media = rnd.nextInt(3);
      for (int m = 0; m < media; m++) {
        f.add("medium", "m" + rnd.nextInt(s.media()));
      }
      if (rnd.nextInt(20) > 0) {
        f.add("year", 1400 + rnd.nextInt(500));
      }
      if (rnd.nextInt(30) == 0) {
        f.add("tag", "t" + rnd.nextInt(1000));
      }
      items.add(new IndexedItem(ids.get(i), v, f.build()));
    }
    return items;
  }

  /** A random unit query near a random item. */
  public static float[] query(List<IndexedItem> items, int d, Random rnd) {
    float[] q = new float[d];
    float[] base = items.isEmpty() ? new float[d] : items.get(rnd.nextInt(items.size())).vector();
    double norm = 0;
    for (int j = 0; j < d; j++) {
      q[j] = (float) (base[j] + 0.3 * rnd.nextGaussian() / Math.sqrt(d));
      norm += q[j] * q[j];
    }
    for (int j = 0; j < d; j++) {
      q[j] = (float) (q[j] / Math.sqrt(norm));
    }
    return q;
  }

  /** A random condition over {@link #SCHEMA}, nested up to {@code depth}. */
  public static Condition condition(Shape s, Random rnd, int depth) {
    int pick = rnd.nextInt(depth > 0 ? 10 : 5);
    switch (pick) {
      case 0, 1:
        return Condition.term("culture", "c" + rnd.nextInt(s.cultures() + 1)); // may be unknown
      case 2:
        return Condition.term("medium", "m" + rnd.nextInt(s.media()));
      case 3:
        {
          Double from = rnd.nextInt(4) == 0 ? null : 1400.0 + rnd.nextInt(500);
          Double to = rnd.nextInt(4) == 0 ? null : (from == null ? 1400 : from) + rnd.nextInt(300);
          return Condition.range("year", from, to);
        }
      case 4:
        return rnd.nextInt(3) == 0
            ? Condition.term("tag", "t" + rnd.nextInt(1000))
            : Condition.term("culture", "c" + rnd.nextInt(s.cultures()));
      case 5, 6:
        return Condition.and(condition(s, rnd, depth - 1), condition(s, rnd, depth - 1));
      case 7, 8:
        return Condition.or(
            condition(s, rnd, depth - 1),
            condition(s, rnd, depth - 1),
            condition(s, rnd, depth - 1));
      default:
        return Condition.not(condition(s, rnd, depth - 1));
    }
  }

  /** Brute force over the filtered set with canonical scores: the exact expected answer. */
  public static List<Hit> bruteForce(List<IndexedItem> items, float[] q, Condition c, int k) {
    List<Hit> all = new ArrayList<>();
    for (IndexedItem item : items) {
      if (c.test(item.facets())) {
        float[] v = item.vector();
        all.add(new Hit(item.id(), DotProduct.dot(q, 0, v, 0, v.length)));
      }
    }
    all.sort(BEST_FIRST);
    return all.subList(0, Math.min(k, all.size()));
  }

  /** The dot product in double precision, to check scores independently of the kernels. */
  public static double exactDot(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (double) a[j] * b[j];
    }
    return s;
  }

  /** An in-memory source. */
  public static VectorSource source(List<IndexedItem> items, int d, FacetSchema schema) {
    return new VectorSource() {
      @Override
      public String modelId() {
        return "test-model";
      }

      @Override
      public int dimension() {
        return d;
      }

      @Override
      public FacetSchema schema() {
        return schema;
      }

      @Override
      public long count() {
        return items.size();
      }

      @Override
      public void scan(Consumer<IndexedItem> sink) {
        items.stream().sorted(Comparator.comparingLong(IndexedItem::id)).forEach(sink);
      }
    };
  }
}
