package org.mnemosyne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;

/**
 * {@link SearchQuality} on vectors built so that every reported number is known by hand, and the
 * same table from two exact index providers.
 */
class SearchQualityTest {
  private static final String[] SUBJECTS = {"animal", "food", "flower"};
  private static final double EPS = 1e-12;

  @TempDir Path home;

  /**
   * Collection a: 5 items per subject s on axis s. Collection b: per axis s, 6 items of subject s
   * exactly on it and 6 "impostors" of subject s+1 tilted off it (score 0.958 against the axis).
   * Collection c: 2 boats on their own axis and 3 unlabelled items.
   */
  private static List<QualityItem> constructed() {
    List<QualityItem> items = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      for (int i = 0; i < 5; i++) {
        items.add(item(items, "a", axis(s, 0), SUBJECTS[s]));
      }
    }
    for (int s = 0; s < 3; s++) {
      for (int i = 0; i < 6; i++) {
        items.add(item(items, "b", axis(s, 0), SUBJECTS[s]));
        items.add(item(items, "b", axis(s, 0.3f), SUBJECTS[(s + 1) % 3]));
      }
    }
    items.add(item(items, "c", axis(4, 0), "boat"));
    items.add(item(items, "c", axis(4, 0), "boat"));
    for (int i = 0; i < 3; i++) {
      items.add(item(items, "c", axis(5, 0), null));
    }
    return items;
  }

  private static QualityItem item(List<QualityItem> so, String c, float[] v, String subject) {
    return new QualityItem(so.size() + 1L, c, v, subject == null ? Set.of() : Set.of(subject));
  }

  /** Unit vector along {@code axis}, tilted by {@code tilt} towards axis 3, normalised. */
  private static float[] axis(int axis, float tilt) {
    float[] v = new float[8];
    v[axis] = 1;
    v[3] = tilt;
    float norm = (float) Math.sqrt(1 + tilt * tilt);
    for (int i = 0; i < v.length; i++) {
      v[i] /= norm;
    }
    return v;
  }

  private PluginRegistry registry() {
    MnemosyneConfig config = MnemosyneConfig.of(Map.of("mnemosyne.home", home.toString()));
    return PluginRegistry.load(getClass().getClassLoader(), config, DataLayout.from(config));
  }

  private List<QualityRow> evaluate(
      String provider, List<QualityItem> items, int k, boolean bySubject) {
    PluginRegistry registry = registry();
    IndexProvider p = registry.require(IndexProvider.class, provider);
    try (ConditionalIndex index =
        SearchQuality.buildIndex(p, registry.contextFor(p), "test", items)) {
      return SearchQuality.evaluate(index, items, List.of("a", "b", "c"), k, bySubject);
    }
  }

  private static QualityRow row(List<QualityRow> rows, String q, String target) {
    return rows.stream()
        .filter(
            r -> r.queryCollection().equals(q) && r.target().equals(Optional.ofNullable(target)))
        .findFirst()
        .orElseThrow();
  }

  private static void assertRow(
      QualityRow r, int queries, double precision, double chance, double best) {
    assertEquals(queries, r.queries(), "queries of " + r);
    assertEquals(precision, r.precision(), EPS, "precision of " + r);
    assertEquals(chance, r.chance(), EPS, "chance of " + r);
    assertEquals(best, r.best(), EPS, "best of " + r);
  }

  @Test
  void withinACollectionTheQueryItselfIsNotCounted() {
    List<QualityRow> rows = evaluate("bounded-scan", constructed(), 10, false);
    // 4 other items share the subject, all at score 1; the query at score 1 too is dropped.
    assertRow(row(rows, "a", "a"), 15, 0.4, 4.0 / 14, 0.4);
    // 5 others at score 1 share the subject; the next 5 are the 0.958 tier of another subject.
    assertRow(row(rows, "b", "b"), 36, 0.5, 11.0 / 35, 1.0);
  }

  @Test
  void theConditionRestrictsHitsToTheTargetCollection() {
    List<QualityRow> rows = evaluate("bounded-scan", constructed(), 10, false);
    // 6 true items of b at score 1, then 4 of the 6 impostors at 0.958.
    assertRow(row(rows, "a", "b"), 15, 0.6, 12.0 / 36, 1.0);
  }

  @Test
  void unconditionalSearchMixesCollectionsAndReportsTheOwnShare() {
    List<QualityRow> rows = evaluate("bounded-scan", constructed(), 10, false);
    QualityRow all = row(rows, "a", null);
    // 4 from a and 6 from b at score 1: all relevant, 4 of 10 from a.
    assertRow(all, 15, 1.0, 16.0 / 55, 1.0);
    assertEquals(0.4, all.ownCollection(), EPS);
  }

  @Test
  void queriesWithoutARelevantTargetAndUnlabelledItemsAreLeftOut() {
    List<QualityRow> rows = evaluate("bounded-scan", constructed(), 10, false);
    QualityRow boats = row(rows, "c", "c");
    assertEquals(2, boats.labelled(), "the 3 unlabelled items of c are no queries");
    assertRow(boats, 2, 0.1, 1.0 / 4, 0.1);
    assertRow(row(rows, "c", "a"), 0, 0, 0, 0);
    assertEquals(15, row(rows, "a", "c").labelled());
    assertRow(row(rows, "a", "c"), 0, 0, 0, 0);
    assertEquals(3 * 4, rows.size(), "per query collection: 3 targets and the unconditional row");
  }

  @Test
  void exactProvidersGiveTheSameTable() {
    Random rnd = new Random(11);
    List<QualityItem> items = new ArrayList<>();
    String[] collections = {"a", "b", "c"};
    for (int i = 0; i < 300; i++) {
      float[] v = new float[16];
      double norm = 0;
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) rnd.nextGaussian();
        norm += v[j] * v[j];
      }
      for (int j = 0; j < v.length; j++) {
        v[j] /= (float) Math.sqrt(norm);
      }
      int s = rnd.nextInt(4);
      items.add(
          new QualityItem(
              i + 1L, collections[rnd.nextInt(3)], v, s == 3 ? Set.of() : Set.of(SUBJECTS[s])));
    }
    assertEquals(
        evaluate("exact-scan", items, 10, true), evaluate("bounded-scan", items, 10, true));
  }

  @Test
  void theBreakdownBySubjectSplitsTheQueriesOfEachGroup() {
    List<QualityRow> rows = evaluate("bounded-scan", constructed(), 10, true);
    assertEquals(
        rows.subList(0, 12), evaluate("bounded-scan", constructed(), 10, false), "overall first");
    List<QualityRow> animalInB =
        rows.stream()
            .filter(r -> r.subject().equals(Optional.of("animal")))
            .filter(r -> r.queryCollection().equals("b"))
            .toList();
    assertEquals(4, animalInB.size(), "3 targets and all");
    // b's 12 animals: 6 on the animal axis, 6 impostors on the flower axis.
    assertRow(animalInB.get(1), 12, 0.5, 11.0 / 35, 1.0);
    assertEquals(12, animalInB.get(1).labelled());
    assertTrue(
        rows.stream().noneMatch(r -> r.subject().equals(Optional.of("vehicle"))),
        "no row for a group without queries");
    assertEquals(
        List.of("c"),
        rows.stream()
            .filter(r -> r.subject().equals(Optional.of("boat")))
            .map(QualityRow::queryCollection)
            .distinct()
            .toList(),
        "only c has boats");
  }

  @Test
  void kMustBePositive() {
    assertThrows(
        IllegalArgumentException.class, () -> evaluate("exact-scan", constructed(), 0, false));
  }
}
