package org.mnemosyne.explain.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.FeatureMap;
import org.mnemosyne.explain.BilinearGapSimilarity;
import org.mnemosyne.explain.TestImages;

/**
 * The synthetic bilinear GAP model: with feature-cell players and black censoring, the first-order
 * game is additive and the joint game bilinear, so Search-CAM, Kernel SHAP, exact Shapley, joint
 * CAM, exact STII and Kernel STII must all equal the closed forms computed here from the maps.
 */
class ClosedFormGapModelTest {
  private static final RgbImage X = TestImages.random(8, 8, 1);
  private static final RgbImage Y = TestImages.random(8, 8, 2);

  private static ExplanationParameters params(Order order, int budget) {
    return ExplanationParameters.defaults()
        .withOrder(order)
        .withSides(EnumSet.of(Side.TARGET))
        .withSegmentation(Segmentation.featureCells())
        .withCensor(Censor.constant(0, 0, 0))
        .withBudget(budget)
        .withBatchSize(32)
        .withOption("normalise", "false");
  }

  private static Explanation run(
      String name, BilinearGapSimilarity model, ExplanationParameters p) {
    if (!name.contains("cam")) {
      p =
          new ExplanationParameters(
              p.order(),
              p.sides(),
              p.segmentation(),
              p.censor(),
              p.budget(),
              p.batchSize(),
              p.seed(),
              java.util.Map.of());
    }
    return Providers.explainer(name)
        .explain(ExplanationRequest.builder(X, Y, model).parameters(p).build());
  }

  /** A_j = <e(x), F_j(y)> / (h w). */
  private static double[] closedFormTarget(BilinearGapSimilarity model) {
    FeatureMap fx = model.map(X);
    FeatureMap fy = model.map(Y);
    int cells = fy.height() * fy.width();
    double[] a = new double[cells];
    for (int c = 0; c < fx.channels(); c++) {
      double ex = 0;
      for (int y = 0; y < fx.height(); y++) {
        for (int x = 0; x < fx.width(); x++) {
          ex += fx.get(c, y, x);
        }
      }
      ex /= fx.height() * fx.width();
      for (int j = 0; j < cells; j++) {
        a[j] += ex * fy.get(c, j / fy.width(), j % fy.width()) / cells;
      }
    }
    return a;
  }

  /** C_ij = <F_i(x), F_j(y)> / (h w)^2. */
  private static double[][] closedFormJoint(BilinearGapSimilarity model) {
    FeatureMap fx = model.map(X);
    FeatureMap fy = model.map(Y);
    int cx = fx.height() * fx.width();
    int cy = fy.height() * fy.width();
    double[][] out = new double[cx][cy];
    for (int i = 0; i < cx; i++) {
      for (int j = 0; j < cy; j++) {
        for (int c = 0; c < fx.channels(); c++) {
          out[i][j] +=
              fx.get(c, i / fx.width(), i % fx.width())
                  * (double) fy.get(c, j / fy.width(), j % fy.width());
        }
        out[i][j] /= (double) cx * cy;
      }
    }
    return out;
  }

  @Test
  void searchCamKernelShapAndExactShapleyEqualTheClosedForm() {
    BilinearGapSimilarity model = new BilinearGapSimilarity(4, 4, 5, 3, false);
    double[] expected = closedFormTarget(model);
    Explanation cam = run("search-cam", model, params(Order.FIRST, 10));
    assertArrayEquals(expected, cam.map(Side.TARGET).orElseThrow().values(), 1e-9);
    assertEquals(0, cam.errorEstimate().getAsDouble());
    Explanation shap = run("kernel-shap", model, params(Order.FIRST, 400));
    assertArrayEquals(expected, shap.map(Side.TARGET).orElseThrow().values(), 1e-8);
    assertTrue(shap.evaluations() <= 400);

    BilinearGapSimilarity small = new BilinearGapSimilarity(2, 3, 4, 5, false);
    Explanation exact = run("exact-shapley", small, params(Order.FIRST, 64));
    assertArrayEquals(closedFormTarget(small), exact.map(Side.TARGET).orElseThrow().values(), 1e-9);
  }

  @Test
  void jointCamExactStiiAndKernelStiiEqualTheClosedForm() {
    BilinearGapSimilarity small = new BilinearGapSimilarity(2, 3, 4, 7, false);
    double[][] expected = closedFormJoint(small);
    for (String name : new String[] {"joint-cam", "exact-stii", "kernel-stii"}) {
      Explanation e = run(name, small, params(Order.JOINT, 4096));
      double[][] c = e.joint().orElseThrow().interactions();
      for (int i = 0; i < expected.length; i++) {
        assertArrayEquals(expected[i], c[i], 1e-9, name + " row " + i);
      }
      // the joint game's Shapley value of a query cell is half its CAM row
      double[] q = e.map(Side.QUERY).orElseThrow().values();
      for (int i = 0; i < expected.length; i++) {
        double half = 0;
        for (double v : expected[i]) {
          half += v / 2;
        }
        assertEquals(half, q[i], 1e-9, name);
      }
    }

    BilinearGapSimilarity large = new BilinearGapSimilarity(4, 4, 5, 9, false);
    Explanation kernel = run("kernel-stii", large, params(Order.JOINT, 2000));
    double[][] exp = closedFormJoint(large);
    double[][] got = kernel.joint().orElseThrow().interactions();
    for (int i = 0; i < exp.length; i++) {
      assertArrayEquals(exp[i], got[i], 1e-7, "32 players, sampled coalitions, row " + i);
    }
    assertTrue(kernel.evaluations() <= 2000);
  }

  @Test
  void normalisedCamSumsToTheCosineAndIsLabelledApproximate() {
    BilinearGapSimilarity cosine = new BilinearGapSimilarity(4, 4, 5, 3, true);
    ExplanationParameters p = params(Order.FIRST, 10).withOption("normalise", "true");
    Explanation cam =
        Providers.explainer("search-cam")
            .explain(ExplanationRequest.builder(X, Y, cosine).parameters(p).build());
    double cos =
        cosine.similarity(java.util.List.of(new org.mnemosyne.api.explain.ImagePair(X, Y)))[0];
    assertEquals(cos, cam.map(Side.TARGET).orElseThrow().sum(), 1e-6);
    assertEquals(cos, cam.fullValue(), 1e-6);
    assertTrue(cam.errorEstimate().isEmpty());
    Explanation joint =
        Providers.explainer("joint-cam")
            .explain(
                ExplanationRequest.builder(X, Y, cosine)
                    .parameters(p.withOrder(Order.JOINT))
                    .build());
    double total = 0;
    for (double[] row : joint.joint().orElseThrow().interactions()) {
      for (double v : row) {
        total += v;
      }
    }
    assertEquals(cos, total, 1e-6);
  }
}
