package org.mnemosyne.index.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.FacetType;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.index.facet.CategoricalColumn;
import org.mnemosyne.index.facet.FacetColumns;
import org.mnemosyne.index.facet.NumericColumn;

/**
 * The items of a segment in the segment's own order: ids, row-major vectors and facet columns.
 *
 * @param dimension vector length
 * @param ids ordinal → item id
 * @param vectors {@code ids.length * dimension} floats, ordinal after ordinal
 * @param facets the facets, by ordinal
 */
record SegmentData(int dimension, long[] ids, float[] vectors, FacetColumns facets) {

  SegmentData {
    if (vectors.length != (long) ids.length * dimension || facets.size() != ids.length) {
      throw new IllegalArgumentException("segment arrays of different lengths");
    }
  }

  /**
   * Lays out entries in a given order.
   *
   * @param order position → index into {@code entries}
   */
  static SegmentData of(List<Entry> entries, int[] order, int dimension, FacetSchema schema) {
    int n = entries.size();
    long[] ids = new long[n];
    float[] vectors = new float[n * dimension];
    List<ItemFacets> facets = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      Entry e = entries.get(order[p]);
      ids[p] = e.id();
      System.arraycopy(e.vector(), 0, vectors, p * dimension, dimension);
      facets.add(e.facets());
    }
    return new SegmentData(dimension, ids, vectors, FacetColumns.of(schema, facets));
  }

  /** Vectors as the input order of a partition builder (same as {@link #vectors}). */
  static float[] rowMajor(List<Entry> entries, int dimension) {
    float[] out = new float[entries.size() * dimension];
    for (int i = 0; i < entries.size(); i++) {
      System.arraycopy(entries.get(i).vector(), 0, out, i * dimension, dimension);
    }
    return out;
  }

  int size() {
    return ids.length;
  }

  void write(IndexOutput out) throws IOException {
    out.writeLongs(ids);
    out.writeFloats(vectors);
    for (FacetField f : facets.schema().fields()) {
      if (f.type() == FacetType.CATEGORICAL) {
        CategoricalColumn c = facets.categorical(f.name());
        out.writeStrings(c.dictionary());
        out.writeInts(c.offsets());
        out.writeInts(c.valueIds());
      } else {
        NumericColumn c = facets.numeric(f.name());
        out.writeInts(c.offsets());
        out.writeDoubles(c.allValues());
      }
    }
  }

  static SegmentData read(IndexInput in, int dimension, FacetSchema schema) throws IOException {
    long[] ids = in.readLongs();
    float[] vectors = in.readFloats();
    Map<String, CategoricalColumn> categorical = new HashMap<>();
    Map<String, NumericColumn> numeric = new HashMap<>();
    for (FacetField f : schema.fields()) {
      if (f.type() == FacetType.CATEGORICAL) {
        categorical.put(
            f.name(), new CategoricalColumn(in.readStrings(), in.readInts(), in.readInts()));
      } else {
        numeric.put(f.name(), new NumericColumn(in.readInts(), in.readDoubles()));
      }
    }
    return new SegmentData(
        dimension, ids, vectors, new FacetColumns(schema, ids.length, categorical, numeric));
  }
}
