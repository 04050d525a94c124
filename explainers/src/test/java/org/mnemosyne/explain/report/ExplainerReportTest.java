package org.mnemosyne.explain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.plugin.PluginApi;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.BilinearGapSimilarity;
import org.mnemosyne.explain.TestImages;

/**
 * The report on the synthetic GAP model (inner product, black censor): the first-order game is
 * additive there over any segmentation, so the true Shapley ranking is the best possible ranking
 * for insertion and deletion, and exact or closed-form explainers must agree with themselves.
 */
class ExplainerReportTest {
  private static final ReportSettings SETTINGS =
      new ReportSettings(
          Segmentation.grid(3, 3),
          Segmentation.grid(2, 2),
          Segmentation.grid(3, 3),
          Segmentation.grid(2, 2),
          Censor.constant(0, 0, 0),
          64,
          96,
          9,
          1,
          7,
          0.5);

  private static List<ReportRow> rows;
  private static List<String> names;
  private static List<String> log;

  /** A 16 x 16 cut-out: white, with a coloured 8 x 8 square at (x0, y0) of random pixels. */
  private static RgbImage cutout(int x0, int y0, long seed) {
    RgbImage noise = TestImages.random(16, 16, seed);
    float[] p = new float[3 * 256];
    java.util.Arrays.fill(p, 1f);
    for (int c = 0; c < 3; c++) {
      for (int y = y0; y < y0 + 8; y++) {
        for (int x = x0; x < x0 + 8; x++) {
          p[c * 256 + y * 16 + x] = 0.8f * noise.get(c, y, x);
        }
      }
    }
    return RgbImage.ofPlanes(16, 16, p);
  }

  @BeforeAll
  static void runReport() {
    List<ExplainerReport.Contender> contenders = new ArrayList<>();
    for (ExplainerProvider p : ServiceLoader.load(ExplainerProvider.class)) {
      contenders.add(new ExplainerReport.Contender(p, p.create(null)));
    }
    contenders.add(
        new ExplainerReport.Contender(
            new Broken(),
            request -> {
              throw new IllegalStateException("model exploded");
            }));
    names = contenders.stream().map(c -> c.provider().name()).toList();
    List<ReportPair> pairs =
        List.of(
            ReportPair.ofCutouts("a", cutout(0, 0, 1), cutout(8, 8, 2)),
            ReportPair.ofCutouts("b", cutout(8, 0, 3), cutout(0, 8, 4)));
    log = new ArrayList<>();
    rows =
        ExplainerReport.run(
            contenders, pairs, new BilinearGapSimilarity(4, 4, 5, 11, false), SETTINGS, log::add);
  }

  private static ReportRow row(String name) {
    return rows.stream().filter(r -> r.explainer().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void oneRowPerExplainerInOrderThenTheRandomBaseline() {
    List<String> got = rows.stream().map(ReportRow::explainer).toList();
    List<String> want = new ArrayList<>(names);
    want.add(ExplainerReport.RANDOM);
    assertEquals(want, got);
    assertTrue(names.size() >= 12, "every built-in explainer and the broken one");
  }

  @Test
  void aFailingExplainerIsReportedPerPairAndTheOthersStillRun() {
    ReportRow broken = row("broken");
    assertEquals(2, broken.failures().size());
    assertTrue(broken.failures().get(0).contains("model exploded"));
    assertTrue(broken.metrics().isEmpty());
    assertTrue(log.stream().anyMatch(l -> l.contains("broken failed")));
    for (ReportRow r : rows) {
      if (!r.explainer().equals("broken")) {
        assertTrue(r.failures().isEmpty(), r.explainer() + " " + r.failures());
      }
    }
  }

  @Test
  void exactAndClosedFormExplainersAgreeWithThemselves() {
    for (String name : List.of("exact-shapley", "exact-stii", "search-cam", "joint-cam")) {
      Summary s = row(name).get(Metric.SEED_CONSISTENCY);
      assertEquals(2, s.count(), name);
      assertEquals(1.0, s.mean(), 1e-9, name);
    }
    // CAM takes no budget, so half of it changes nothing; exact ones refuse half of 2^M
    assertEquals(1.0, row("search-cam").get(Metric.BUDGET_CONSISTENCY).mean(), 1e-9);
    assertEquals(0, row("exact-shapley").get(Metric.BUDGET_CONSISTENCY).count());
  }

  @Test
  void onTheAdditiveGameShapleyRankingsBeatRandomOnesOnBothCurves() {
    ReportRow random = row(ExplainerReport.RANDOM);
    for (String name : List.of("exact-shapley", "kernel-shap")) {
      ReportRow r = row(name);
      assertTrue(
          r.get(Metric.INSERTION_AUC).mean() > random.get(Metric.INSERTION_AUC).mean(), name);
      assertTrue(r.get(Metric.DELETION_AUC).mean() < random.get(Metric.DELETION_AUC).mean(), name);
    }
    // kernel SHAP is exact on an additive game: the same curves as enumeration
    assertEquals(
        row("exact-shapley").get(Metric.INSERTION_AUC).mean(),
        row("kernel-shap").get(Metric.INSERTION_AUC).mean(),
        1e-9);
  }

  @Test
  void everyNumberIsInItsRangeAndProjectionOnlyForJointExplainers() {
    for (ReportRow r : rows) {
      for (Metric m : List.of(Metric.SEED_CONSISTENCY, Metric.BUDGET_CONSISTENCY)) {
        Summary s = r.get(m);
        assertTrue(s.count() == 0 || (s.mean() >= -1 && s.mean() <= 1), r.explainer() + m);
      }
      Summary iou = r.get(Metric.OBJECT_IOU);
      assertTrue(iou.count() == 0 || (iou.mean() >= 0 && iou.mean() <= 1), r.explainer());
      Summary evals = r.get(Metric.EVALUATIONS);
      if (evals.count() > 0) {
        double cap = r.setting().contains("exact") ? 512 : 96;
        assertTrue(evals.mean() >= 1 && evals.mean() <= cap, r.explainer() + " " + evals);
      }
      boolean joint =
          r.setting().startsWith("joint") || r.explainer().equals(ExplainerReport.RANDOM);
      if (!r.explainer().equals("broken")) {
        assertEquals(joint ? 2 : 0, r.get(Metric.PROJECTION).count(), r.explainer());
        assertEquals(2, r.get(Metric.DELETION_AUC).count(), r.explainer());
      }
    }
  }

  @Test
  void theTableHasAHeadingOneLinePerRowAndTheFailures() {
    String table = ReportTable.format(rows);
    String[] lines = table.split("\n");
    assertTrue(lines[0].startsWith("explainer") && lines[0].contains("deletion AUC"));
    for (int k = 0; k < rows.size(); k++) {
      assertTrue(lines[k + 1].startsWith(rows.get(k).explainer() + " "), lines[k + 1]);
    }
    assertTrue(lines[names.indexOf("search-cam") + 1].contains("1.000 +- 0.000"));
    assertTrue(table.contains("broken failed on a: model exploded"));
    assertFalse(table.contains("NaN"));
  }

  @Test
  void summariesSkipValuesThatDoNotApply() {
    Summary s = Summary.of(1, Double.NaN, 3);
    assertEquals(2, s.count());
    assertEquals(2, s.mean(), 1e-12);
    assertEquals(Math.sqrt(2), s.spread(), 1e-12);
    assertEquals(0, Summary.of(Double.NaN).count());
    assertEquals(0, Summary.of(5).spread());
  }

  /** A provider whose explainer always throws. */
  private static final class Broken implements ExplainerProvider {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public String version() {
      return "0";
    }

    @Override
    public String description() {
      return "always fails";
    }

    @Override
    public int apiVersion() {
      return PluginApi.VERSION;
    }

    @Override
    public Set<Order> orders() {
      return Set.of(Order.FIRST);
    }

    @Override
    public boolean requiresGreyBox() {
      return false;
    }

    @Override
    public org.mnemosyne.api.explain.Explainer create(PluginContext context) {
      throw new UnsupportedOperationException();
    }
  }
}
