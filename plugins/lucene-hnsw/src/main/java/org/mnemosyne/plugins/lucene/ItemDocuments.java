package org.mnemosyne.plugins.lucene;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.FacetType;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;

/**
 * How an item is written as a Lucene document.
 *
 * <ul>
 *   <li>{@value #ID}: the item id as a term (to replace and delete by id) and as a numeric doc
 *       value (to read hits back);
 *   <li>{@value #VECTOR}: the vector, scored by {@link VectorSimilarityFunction#DOT_PRODUCT}, whose
 *       Lucene score is {@code (1 + dot) / 2} on the L2-normalised vectors of the API;
 *   <li>every categorical facet of the schema: one {@link StringField} per value, under the facet's
 *       name; every numeric facet: one {@link DoublePoint} per value ({@code -0.0} stored as {@code
 *       0.0}, as conditions compare it).
 * </ul>
 *
 * Facet names cannot start with {@code _}, so they never collide with the two internal fields.
 * Values under names the schema does not declare, or of the other type, are not indexed: a
 * validated condition never tests them. Stateless.
 */
final class ItemDocuments {
  /** The field of the item id. */
  static final String ID = "_id";

  /** The field of the vector. */
  static final String VECTOR = "_vector";

  private ItemDocuments() {}

  /** The document of an item. */
  static Document of(IndexedItem item, FacetSchema schema) {
    Document doc = new Document();
    doc.add(new StringField(ID, Long.toString(item.id()), Field.Store.NO));
    doc.add(new NumericDocValuesField(ID, item.id()));
    doc.add(new KnnFloatVectorField(VECTOR, item.vector(), VectorSimilarityFunction.DOT_PRODUCT));
    ItemFacets facets = item.facets();
    for (FacetField f : schema.fields()) {
      if (f.type() == FacetType.CATEGORICAL) {
        List<String> values = facets.values(f.name());
        for (String value : values) {
          doc.add(new StringField(f.name(), value, Field.Store.NO));
        }
      } else {
        for (double value : facets.numbers(f.name())) {
          doc.add(new DoublePoint(f.name(), value == 0.0 ? 0.0 : value));
        }
      }
    }
    return doc;
  }

  /** The term that identifies an item's document. */
  static Term idTerm(long itemId) {
    return new Term(ID, Long.toString(itemId));
  }

  /** The cosine (dot product) of a Lucene {@code DOT_PRODUCT} score {@code (1 + dot) / 2}. */
  static double dotOfScore(float score) {
    return 2.0 * score - 1.0;
  }
}
