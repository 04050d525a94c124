package org.mnemosyne.index.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.api.index.VectorSource;

/**
 * A benchmark collection held in memory: {@code n} float vectors of dimension {@code d} in one flat
 * row-major array (item {@code i} at {@code i * d}; ids are {@code 0..n-1}), and single-valued
 * categorical fields, each stored as one value ordinal per item. As a {@link VectorSource} it feeds
 * any index provider. It can be saved to a folder ({@code vectors.npy}, {@code facets.tsv}) and
 * loaded again, so that expensive data (model features, 1M generated vectors) is made once.
 */
public final class BenchCollection implements VectorSource {
  /** The most values an OR condition of {@link #closest} joins (readable conditions). */
  public static final int MAX_OR_VALUES = 8;

  private final String modelId;
  private final int n;
  private final int d;
  private final float[] vectors;
  private final String[] fields;
  private final int[][] valueOf;
  private final String[][] valueNames;

  /**
   * A collection over the given arrays (not copied).
   *
   * @param modelId the model id the vectors claim
   * @param d the dimension
   * @param vectors {@code n * d} floats
   * @param fields the field names
   * @param valueOf per field, the value ordinal of every item
   * @param valueNames per field, the name of every value ordinal
   */
  public BenchCollection(
      String modelId,
      int d,
      float[] vectors,
      String[] fields,
      int[][] valueOf,
      String[][] valueNames) {
    if (d <= 0 || vectors.length % d != 0) {
      throw new IllegalArgumentException("vectors length is not a multiple of d=" + d);
    }
    this.modelId = modelId;
    this.d = d;
    this.n = vectors.length / d;
    this.vectors = vectors;
    this.fields = fields.clone();
    this.valueOf = valueOf.clone();
    this.valueNames = valueNames.clone();
    for (int f = 0; f < fields.length; f++) {
      if (valueOf[f].length != n) {
        throw new IllegalArgumentException("field " + fields[f] + " has the wrong length");
      }
    }
  }

  /**
   * A collection from per-item facet names (the value ordinals are assigned in order of first
   * appearance).
   *
   * @param names per field, the value name of every item
   */
  public static BenchCollection ofNames(
      String modelId, int d, float[] vectors, String[] fields, List<String[]> names) {
    int[][] valueOf = new int[fields.length][];
    String[][] valueNames = new String[fields.length][];
    for (int f = 0; f < fields.length; f++) {
      Map<String, Integer> dict = new LinkedHashMap<>();
      String[] col = names.get(f);
      valueOf[f] = new int[col.length];
      for (int i = 0; i < col.length; i++) {
        valueOf[f][i] = dict.computeIfAbsent(col[i], x -> dict.size());
      }
      valueNames[f] = dict.keySet().toArray(String[]::new);
    }
    return new BenchCollection(modelId, d, vectors, fields, valueOf, valueNames);
  }

  /** Number of items. */
  public int size() {
    return n;
  }

  /** The flat vector array (shared, not copied). */
  public float[] vectors() {
    return vectors;
  }

  /** The field names. */
  public List<String> fields() {
    return List.of(fields);
  }

  /** Bytes of the float vectors. */
  public long vectorBytes() {
    return 4L * n * d;
  }

  /** One vector, copied. */
  public float[] vector(int i) {
    return Arrays.copyOfRange(vectors, i * d, i * d + d);
  }

  /**
   * The ids of the items that satisfy the target, ascending (every id for {@link BenchTarget#ALL}).
   */
  public int[] subset(BenchTarget t) {
    int[] out = new int[n];
    int m = 0;
    boolean[] ok = allowed(t);
    for (int i = 0; i < n; i++) {
      if (ok == null || ok[valueOf[t.field()][i]]) {
        out[m++] = i;
      }
    }
    return Arrays.copyOf(out, m);
  }

  /** Per value ordinal of the target's field, whether allowed; null when everything is. */
  public boolean[] allowed(BenchTarget t) {
    if (t.field() < 0) {
      return null;
    }
    boolean[] ok = new boolean[valueNames[t.field()].length];
    for (int v : t.values()) {
      ok[v] = true;
    }
    return ok;
  }

  /** The value ordinals of one field, per item (shared, not copied). */
  public int[] column(int field) {
    return valueOf[field];
  }

  /**
   * The condition whose selectivity is closest to {@code target} in ratio, over every field: with
   * {@code orOfValues} false the best single value; with it true the best OR of 2 to 8 values of
   * one field (values are added greedily, largest first, while that brings the total closer; a
   * second value is always added). Null when no field qualifies.
   */
  public BenchTarget closest(double target, boolean orOfValues) {
    BenchTarget best = null;
    for (int f = 0; f < fields.length; f++) {
      int count = valueNames[f].length;
      long[] freq = new long[count];
      for (int v : valueOf[f]) {
        freq[v]++;
      }
      for (int first = 0; first < count; first++) {
        List<Integer> chosen = new ArrayList<>(List.of(first));
        double sel = freq[first] / (double) n;
        if (orOfValues) {
          while (true) {
            int next = -1;
            double nextErr = Double.MAX_VALUE;
            for (int v = 0; v < count; v++) {
              if (chosen.contains(v) || freq[v] == 0) {
                continue;
              }
              double err = Math.abs(Math.log((sel + freq[v] / (double) n) / target));
              if (err < nextErr || (err == nextErr && freq[v] > freq[next])) {
                next = v;
                nextErr = err;
              }
            }
            if (next < 0
                || chosen.size() >= MAX_OR_VALUES
                || (chosen.size() >= 2 && nextErr >= Math.abs(Math.log(sel / target)))) {
              break;
            }
            chosen.add(next);
            sel += freq[next] / (double) n;
          }
          if (chosen.size() < 2) {
            continue;
          }
        }
        double err = Math.abs(Math.log(sel / target));
        if (sel > 0
            && sel < 1
            && (best == null
                || err < Math.abs(Math.log(best.selectivity() / target))
                || (err == Math.abs(Math.log(best.selectivity() / target))
                    && chosen.size() < best.values().length))) {
          int[] values = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
          String[] names = new String[values.length];
          for (int i = 0; i < values.length; i++) {
            names[i] = valueNames[f][values[i]];
          }
          best = new BenchTarget(f, fields[f], values, names, sel);
        }
      }
    }
    return best;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public int dimension() {
    return d;
  }

  @Override
  public FacetSchema schema() {
    List<FacetField> out = new ArrayList<>();
    for (String f : fields) {
      out.add(FacetField.categorical(f, false));
    }
    return FacetSchema.of(out);
  }

  @Override
  public long count() {
    return n;
  }

  @Override
  public void scan(Consumer<IndexedItem> sink) {
    for (int i = 0; i < n; i++) {
      ItemFacets.Builder b = ItemFacets.builder();
      for (int f = 0; f < fields.length; f++) {
        b.add(fields[f], valueNames[f][valueOf[f][i]]);
      }
      sink.accept(new IndexedItem(i, vector(i), b.build()));
    }
  }

  /**
   * Writes {@code vectors.npy} and {@code facets.tsv} (header of field names, one row per item).
   */
  public void save(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path tmp = folder.resolve("vectors.npy.tmp");
    NpyFloats.write(tmp, vectors, n, d);
    try (BufferedWriter w =
        Files.newBufferedWriter(folder.resolve("facets.tsv"), StandardCharsets.UTF_8)) {
      w.write(modelId + "\t" + String.join("\t", fields));
      w.newLine();
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < n; i++) {
        row.setLength(0);
        row.append(i);
        for (int f = 0; f < fields.length; f++) {
          row.append('\t').append(valueNames[f][valueOf[f][i]]);
        }
        w.write(row.toString());
        w.newLine();
      }
    }
    Files.move(
        tmp, folder.resolve("vectors.npy"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Whether {@link #save} completed in the folder. */
  public static boolean saved(Path folder) {
    return Files.isRegularFile(folder.resolve("vectors.npy"))
        && Files.isRegularFile(folder.resolve("facets.tsv"));
  }

  /** Reads what {@link #save} wrote. */
  public static BenchCollection load(Path folder) throws IOException {
    NpyFloats.Matrix m = NpyFloats.read(folder.resolve("vectors.npy"));
    try (BufferedReader r =
        Files.newBufferedReader(folder.resolve("facets.tsv"), StandardCharsets.UTF_8)) {
      String[] header = r.readLine().split("\t", -1);
      String[] fields = Arrays.copyOfRange(header, 1, header.length);
      List<String[]> names = new ArrayList<>();
      for (int f = 0; f < fields.length; f++) {
        names.add(new String[m.rows()]);
      }
      for (int i = 0; i < m.rows(); i++) {
        String[] row = r.readLine().split("\t", -1);
        for (int f = 0; f < fields.length; f++) {
          names.get(f)[i] = row[f + 1];
        }
      }
      return ofNames(header[0], m.columns(), m.values(), fields, names);
    }
  }
}
