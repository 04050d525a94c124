package org.mnemosyne.plugins.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.api.index.FacetField;
import org.mnemosyne.api.index.FacetSchema;
import org.mnemosyne.api.index.IndexedItem;
import org.mnemosyne.api.index.ItemFacets;
import org.mnemosyne.index.IndexFixtures;

/**
 * The Lucene filter of a condition matches exactly the items for which {@link Condition#test} is
 * true: on random items (multi-valued, missing and numeric facets) and random nested conditions,
 * and on the edge cases of the semantics.
 */
class ConditionQueriesTest {
  private static final IndexFixtures.Shape SHAPE =
      new IndexFixtures.Shape(1500, 4, 6, 5, 10, false);
  private static List<IndexedItem> items;
  private static ByteBuffersDirectory directory;
  private static DirectoryReader reader;

  @BeforeAll
  static void index() throws IOException {
    items = IndexFixtures.items(SHAPE, new Random(11));
    directory = new ByteBuffersDirectory();
    reader = indexOf(directory, items, IndexFixtures.SCHEMA);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  private static DirectoryReader indexOf(
      ByteBuffersDirectory dir, List<IndexedItem> items, FacetSchema schema) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      for (IndexedItem item : items) {
        w.addDocument(ItemDocuments.of(item, schema));
      }
    }
    return DirectoryReader.open(dir);
  }

  private static Set<Long> matches(DirectoryReader r, Query q) throws IOException {
    IndexSearcher s = new IndexSearcher(r);
    Set<Long> ids = new TreeSet<>();
    for (ScoreDoc sd : s.search(q, Math.max(1, r.maxDoc())).scoreDocs) {
      LeafReaderContext leaf =
          r.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, r.leaves()));
      NumericDocValues v = leaf.reader().getNumericDocValues(ItemDocuments.ID);
      assertTrue(v.advanceExact(sd.doc - leaf.docBase));
      ids.add(v.longValue());
    }
    return ids;
  }

  private static Set<Long> expected(List<IndexedItem> items, Condition c) {
    Set<Long> ids = new TreeSet<>();
    for (IndexedItem item : items) {
      if (c.test(item.facets())) {
        ids.add(item.id());
      }
    }
    return ids;
  }

  @Test
  void randomConditionsMatchExactlyWhatConditionTestAccepts() throws IOException {
    Random rnd = new Random(5);
    int nonTrivial = 0;
    for (int i = 0; i < 400; i++) {
      Condition c = IndexFixtures.condition(SHAPE, rnd, 4);
      Set<Long> want = expected(items, c);
      // Both the condition as written and its canonical form translate exactly.
      assertEquals(want, matches(reader, ConditionQueries.query(c)), c.toQueryString());
      assertEquals(want, matches(reader, ConditionQueries.query(c.normalize())), c.toQueryString());
      if (!want.isEmpty() && want.size() < items.size()) {
        nonTrivial++;
      }
    }
    assertTrue(nonTrivial > 200, "most random conditions select a proper subset: " + nonTrivial);
  }

  @Test
  void edgeCasesFollowTheConditionSemantics() throws IOException {
    FacetSchema schema =
        FacetSchema.of(
            FacetField.categorical("culture", false),
            FacetField.categorical("medium", true),
            FacetField.numeric("year"));
    List<IndexedItem> few = new ArrayList<>();
    few.add(item(1, ItemFacets.builder().add("culture", "French").add("year", 1650).build()));
    few.add(item(2, ItemFacets.builder().add("medium", "oil").add("medium", "tempera").build()));
    few.add(
        item(3, ItemFacets.builder().add("year", -0.0).add("culture", "oil on canvas").build()));
    few.add(item(4, ItemFacets.EMPTY));
    few.add(item(5, ItemFacets.builder().add("year", 1e300).add("year", -5).build()));
    few.add(item(6, ItemFacets.builder().add("undeclared", "x").add("culture", "Dutch").build()));
    List<Condition> cases =
        List.of(
            Condition.not(Condition.term("culture", "French")), // missing culture matches
            Condition.term("medium", "tempera"), // any of several values
            Condition.and(Condition.term("medium", "oil"), Condition.term("medium", "tempera")),
            Condition.term("culture", "oil on canvas"),
            Condition.term("culture", "unknown"), // an unknown value matches nothing
            Condition.range("year", 0.0, 0.0), // -0.0 is 0
            Condition.range("year", null, 0.0),
            Condition.range("year", 1600.0, null), // open end reaches 1e300
            Condition.range("year", null, null), // any item that has a year
            Condition.range("year", -5.0, -5.0), // second value of a multi-valued number
            Condition.and(), // everything
            Condition.or(), // nothing
            Condition.not(Condition.ALL), // nothing
            Condition.not(Condition.or()), // everything
            Condition.and(
                Condition.not(Condition.term("culture", "French")),
                Condition.not(Condition.range("year", null, null))), // only negations
            Condition.or(
                Condition.term("culture", "French"),
                Condition.term("culture", "Dutch"),
                Condition.range("year", null, 0.0)),
            Condition.ALL);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        DirectoryReader r = indexOf(dir, few, schema)) {
      for (Condition c : cases) {
        assertEquals(expected(few, c), matches(r, ConditionQueries.query(c)), c.toQueryString());
      }
    }
    assertNull(ConditionQueries.filter(Condition.and(Condition.ALL)), "no filter for ALL");
  }

  @Test
  void aLongOrOfTermsStaysWithinLucenesClauseLimit() throws IOException {
    List<Condition> terms = new ArrayList<>();
    for (int v = 0; v < 3000; v++) {
      terms.add(Condition.term("tag", "t" + v));
    }
    terms.add(Condition.term("culture", "c1"));
    Condition c = Condition.or(terms);
    assertEquals(expected(items, c), matches(reader, ConditionQueries.query(c)));
  }

  private static IndexedItem item(long id, ItemFacets facets) {
    return new IndexedItem(id, new float[] {1, 0, 0, 0}, facets);
  }
}
