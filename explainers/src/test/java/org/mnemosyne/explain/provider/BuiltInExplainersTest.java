package org.mnemosyne.explain.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.explain.SimilarityFunction;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.progress.CancellationSource;
import org.mnemosyne.api.progress.CancelledException;
import org.mnemosyne.explain.BilinearGapSimilarity;
import org.mnemosyne.explain.TestImages;

/** The registered explainers end to end on images: registration, invariances, limits, errors. */
class BuiltInExplainersTest {
  private static final RgbImage X = TestImages.random(12, 12, 1);
  private static final RgbImage Y = TestImages.random(12, 12, 2);
  private static final RgbImage X2 = TestImages.random(12, 12, 3);
  private static final List<String> BLACK_BOX =
      List.of(
          "exact-shapley",
          "kernel-shap",
          "lime",
          "sbsm",
          "exact-stii",
          "kernel-stii",
          "joint-sbsm",
          "joint-lime",
          "permutation-stii");

  /** A nonlinear (cosine) score, counted, without a grey-box view. */
  private static final class Counting implements SimilarityFunction {
    final BilinearGapSimilarity model = new BilinearGapSimilarity(3, 3, 6, 4, true);
    final AtomicLong pairs = new AtomicLong();
    final Runnable onCall;

    Counting(Runnable onCall) {
      this.onCall = onCall;
    }

    @Override
    public String id() {
      return "counting";
    }

    @Override
    public double[] similarity(List<ImagePair> batch) {
      pairs.addAndGet(batch.size());
      onCall.run();
      return model.similarity(batch);
    }
  }

  private static Order orderOf(String name) {
    return Providers.all().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow()
        .orders()
        .iterator()
        .next();
  }

  private static ExplanationParameters params(String name, int batch) {
    return ExplanationParameters.defaults()
        .withOrder(orderOf(name))
        .withSegmentation(Segmentation.grid(2, 2))
        .withCensor(Censor.blur(2))
        .withBudget(name.equals("permutation-stii") ? 150 : name.equals("exact-stii") ? 256 : 120)
        .withBatchSize(batch)
        .withSeed(5);
  }

  @Test
  void everyProviderIsRegisteredWithItsOrderAndGreyBoxNeed() {
    Map<String, String> got = new TreeMap<>();
    for (ExplainerProvider p : Providers.all()) {
      got.put(p.name(), p.orders() + " grey=" + p.requiresGreyBox());
      assertFalse(p.description().isBlank());
      assertEquals(org.mnemosyne.api.plugin.PluginApi.VERSION, p.apiVersion());
    }
    Map<String, String> expected = new TreeMap<>();
    for (String n : List.of("exact-shapley", "kernel-shap", "lime", "sbsm")) {
      expected.put(n, "[FIRST] grey=false");
    }
    expected.put("search-cam", "[FIRST] grey=true");
    for (String n :
        List.of("exact-stii", "kernel-stii", "joint-sbsm", "joint-lime", "permutation-stii")) {
      expected.put(n, "[JOINT] grey=false");
    }
    expected.put("joint-cam", "[JOINT] grey=true");
    assertEquals(expected, got);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "exact-shapley",
        "kernel-shap",
        "lime",
        "sbsm",
        "exact-stii",
        "kernel-stii",
        "joint-sbsm",
        "joint-lime",
        "permutation-stii"
      })
  void batchSizesOneTwoAndSevenGiveIdenticalResultsWithinTheBudget(String name) {
    List<Explanation> results = new ArrayList<>();
    for (int batch : new int[] {1, 2, 7}) {
      Counting sim = new Counting(() -> {});
      List<Long> progress = new ArrayList<>();
      ExplanationParameters p = params(name, batch);
      Explanation e =
          Providers.explainer(name)
              .explain(
                  ExplanationRequest.builder(X, Y, sim)
                      .parameters(p)
                      .progress((done, total, msg) -> progress.add(done))
                      .build());
      assertTrue(sim.pairs.get() <= p.budget(), name + " scored " + sim.pairs.get());
      assertEquals(sim.pairs.get(), e.evaluations(), "evaluations are the pairs scored");
      for (int i = 1; i < progress.size(); i++) {
        assertTrue(progress.get(i) >= progress.get(i - 1));
      }
      results.add(e);
    }
    for (Explanation e : results.subList(1, 3)) {
      assertEquals(results.get(0).maps(), e.maps(), name);
      assertEquals(results.get(0).joint(), e.joint(), name);
      assertEquals(results.get(0).baseValue(), e.baseValue());
      assertEquals(results.get(0).fullValue(), e.fullValue());
      assertEquals(results.get(0).evaluations(), e.evaluations());
      assertEquals(results.get(0).errorEstimate(), e.errorEstimate());
    }
  }

  @Test
  void theBudgetIsNeverExceededAcrossBudgetsAndExplainers() {
    for (String name : List.of("kernel-shap", "lime", "sbsm", "kernel-stii", "joint-lime")) {
      for (int budget : new int[] {20, 37, 64, 201}) {
        Counting sim = new Counting(() -> {});
        ExplanationParameters p = params(name, 5).withBudget(budget);
        Explanation e =
            Providers.explainer(name)
                .explain(ExplanationRequest.builder(X, Y, sim).parameters(p).build());
        assertTrue(sim.pairs.get() <= budget, name + "@" + budget + ": " + sim.pairs.get());
        assertTrue(e.evaluations() >= Math.min(budget, 16) - 2, name + " uses its budget");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kernel-shap", "kernel-stii", "sbsm", "exact-shapley"})
  void cancellationStopsAfterTheCurrentBatch(String name) {
    CancellationSource cancel = new CancellationSource();
    Counting sim = new Counting(cancel::cancel);
    ExplanationRequest r =
        ExplanationRequest.builder(X, Y, sim)
            .parameters(params(name, 3))
            .cancellation(cancel)
            .build();
    assertThrows(CancelledException.class, () -> Providers.explainer(name).explain(r));
    assertEquals(3, sim.pairs.get());
  }

  @Test
  void counterfactualExplanationsAreTheDifferenceOfTwoExplanations() {
    Counting sim = new Counting(() -> {});
    ExplanationParameters p =
        params("exact-shapley", 4).withSides(EnumSet.of(Side.TARGET)).withBudget(64);
    Explanation cf =
        Providers.explainer("exact-shapley")
            .explain(
                ExplanationRequest.builder(X, Y, sim)
                    .parameters(p)
                    .counterfactualQuery(X2)
                    .build());
    Explanation a =
        Providers.explainer("exact-shapley")
            .explain(ExplanationRequest.builder(X, Y, sim).parameters(p).build());
    Explanation b =
        Providers.explainer("exact-shapley")
            .explain(ExplanationRequest.builder(X2, Y, sim).parameters(p).build());
    double[] va = a.map(Side.TARGET).orElseThrow().values();
    double[] vb = b.map(Side.TARGET).orElseThrow().values();
    double[] got = cf.map(Side.TARGET).orElseThrow().values();
    for (int i = 0; i < got.length; i++) {
      assertEquals(va[i] - vb[i], got[i], 1e-12);
    }
    assertEquals(a.fullValue() - b.fullValue(), cf.fullValue(), 1e-12);
    assertEquals(32, cf.evaluations(), "16 coalitions, two pairs each");

    BilinearGapSimilarity grey = new BilinearGapSimilarity(3, 3, 6, 4, false);
    ExplanationParameters camParams =
        p.withSegmentation(Segmentation.featureCells()).withOption("normalise", "false");
    double[] camCf =
        Providers.explainer("search-cam")
            .explain(
                ExplanationRequest.builder(X, Y, grey)
                    .parameters(camParams)
                    .counterfactualQuery(X2)
                    .build())
            .map(Side.TARGET)
            .orElseThrow()
            .values();
    double[] camA =
        Providers.explainer("search-cam")
            .explain(ExplanationRequest.builder(X, Y, grey).parameters(camParams).build())
            .map(Side.TARGET)
            .orElseThrow()
            .values();
    double[] camB =
        Providers.explainer("search-cam")
            .explain(ExplanationRequest.builder(X2, Y, grey).parameters(camParams).build())
            .map(Side.TARGET)
            .orElseThrow()
            .values();
    for (int i = 0; i < camCf.length; i++) {
      assertEquals(camA[i] - camB[i], camCf[i], 1e-9);
    }
  }

  @Test
  void bothSidesShareTheBudgetAndEachMapSumsToItsOwnGame() {
    Counting sim = new Counting(() -> {});
    ExplanationParameters p = params("exact-shapley", 8).withBudget(40);
    Explanation e =
        Providers.explainer("exact-shapley")
            .explain(ExplanationRequest.builder(X, Y, sim).parameters(p).build());
    assertEquals(2, e.maps().size());
    // 16 + 16 coalitions, the uncensored pair shared, plus both images censored for the base value
    assertEquals(32, e.evaluations());
    double queryCensored = sim.model.similarity(List.of(new ImagePair(blurred(X), Y)))[0];
    assertEquals(e.fullValue() - queryCensored, e.map(Side.QUERY).orElseThrow().sum(), 1e-9);
    double both = sim.model.similarity(List.of(new ImagePair(blurred(X), blurred(Y))))[0];
    assertEquals(both, e.baseValue(), 1e-9);
  }

  private static RgbImage blurred(RgbImage im) {
    return org.mnemosyne.explain.censor.CensorStrategy.of(Censor.blur(2)).absent(im);
  }

  @Test
  void imagesOfDifferentSizesAreSegmentedSeparately() {
    RgbImage wide = TestImages.random(20, 10, 9);
    for (String name : List.of("kernel-shap", "kernel-stii", "sbsm", "joint-sbsm")) {
      Counting sim = new Counting(() -> {});
      Explanation e =
          Providers.explainer(name)
              .explain(
                  ExplanationRequest.builder(wide, Y, sim)
                      .parameters(params(name, 4).withSegmentation(Segmentation.grid(2, 3)))
                      .build());
      assertEquals(20, e.map(Side.QUERY).orElseThrow().segments().width());
      assertEquals(12, e.map(Side.TARGET).orElseThrow().segments().width());
    }
  }

  @Test
  void unsupportedRequestsAreRefusedWithAClearMessage() {
    Counting sim = new Counting(() -> {});
    assertRefused("kernel-shap", params("kernel-shap", 4).withOrder(Order.JOINT), sim, "JOINT");
    assertRefused(
        "exact-shapley",
        params("exact-shapley", 4).withSegmentation(Segmentation.grid(4, 4)).withBudget(1 << 20),
        sim,
        "at most 14");
    assertRefused("exact-shapley", params("exact-shapley", 4).withBudget(20), sim, "needs");
    assertRefused("kernel-stii", params("kernel-stii", 4).withBudget(10), sim, "at least 11");
    assertRefused("kernel-shap", params("kernel-shap", 4).withBudget(2), sim, "at least 6");
    assertRefused(
        "permutation-stii", params("permutation-stii", 4).withBudget(50), sim, "at least");
    assertRefused(
        "search-cam",
        params("exact-shapley", 4).withSegmentation(Segmentation.featureCells()),
        sim,
        "grey-box");
    assertRefused("lime", params("lime", 4).withOption("kernel.width", "1"), sim, "kernel-width");
    assertRefused("lime", params("lime", 4).withOption("alpha", "-1"), sim, "alpha");
    assertRefused(
        "kernel-shap",
        params("kernel-shap", 4).withSegmentation(Segmentation.featureCells()),
        sim,
        "cells=RxC");
    assertRefused(
        "kernel-shap",
        params("kernel-shap", 4).withSegmentation(Segmentation.grid(20, 20)),
        sim,
        "finer than");
    ExplanationRequest cfJoint =
        ExplanationRequest.builder(X, Y, sim)
            .parameters(params("kernel-stii", 4))
            .counterfactualQuery(X2)
            .build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Providers.explainer("kernel-stii").explain(cfJoint));
    assertTrue(e.getMessage().contains("first order"), e.getMessage());
    assertEquals(0, sim.pairs.get(), "refusals happen before any evaluation");
  }

  @Test
  void featureCellsOfABlackBoxComeFromTheCellsOption() {
    Counting sim = new Counting(() -> {});
    Explanation e =
        Providers.explainer("kernel-shap")
            .explain(
                ExplanationRequest.builder(X, Y, sim)
                    .parameters(
                        params("kernel-shap", 4)
                            .withSegmentation(Segmentation.featureCells())
                            .withOption("cells", "3x2"))
                    .build());
    assertEquals(6, e.map(Side.TARGET).orElseThrow().segments().count());
  }

  @Test
  void aSimilarityThatFailsMidRunGivesAClearError() {
    AtomicLong calls = new AtomicLong();
    SimilarityFunction failing =
        new SimilarityFunction() {
          @Override
          public String id() {
            return "flaky";
          }

          @Override
          public double[] similarity(List<ImagePair> pairs) {
            if (calls.incrementAndGet() == 3) {
              throw new IllegalStateException("GPU fell off the bus");
            }
            return new double[pairs.size()];
          }
        };
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Providers.explainer("kernel-shap")
                    .explain(
                        ExplanationRequest.builder(X, Y, failing)
                            .parameters(params("kernel-shap", 4))
                            .build()));
    assertTrue(e.getMessage().contains("GPU fell off the bus"), e.getMessage());
    assertTrue(e.getMessage().contains("flaky"), e.getMessage());
  }

  @Test
  void slicSegmentationWorksEndToEnd() {
    Counting sim = new Counting(() -> {});
    Explanation e =
        Providers.explainer("kernel-shap")
            .explain(
                ExplanationRequest.builder(X, Y, sim)
                    .parameters(params("kernel-shap", 4).withSegmentation(Segmentation.slic(6, 10)))
                    .build());
    assertTrue(e.map(Side.TARGET).orElseThrow().segments().count() >= 2);
    Set<String> kinds =
        Providers.all().stream().map(ExplainerProvider::name).collect(Collectors.toSet());
    assertTrue(kinds.containsAll(BLACK_BOX));
  }

  private static void assertRefused(
      String name, ExplanationParameters p, SimilarityFunction sim, String fragment) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Providers.explainer(name)
                    .explain(ExplanationRequest.builder(X, Y, sim).parameters(p).build()),
            name + " should refuse");
    assertTrue(e.getMessage().contains(fragment), name + ": " + e.getMessage());
    assertTrue(e.getMessage().startsWith(name), "message names the explainer: " + e.getMessage());
  }

  @Test
  void seedsChangeSampledResultsButNotExactOnes() {
    Counting sim = new Counting(() -> {});
    double[] a = target("kernel-shap", sim, 1, 30);
    double[] b = target("kernel-shap", sim, 2, 30);
    assertFalse(java.util.Arrays.equals(a, b));
    assertArrayEquals(target("exact-shapley", sim, 1, 512), target("exact-shapley", sim, 2, 512));
  }

  private static double[] target(String name, SimilarityFunction sim, long seed, int budget) {
    return Providers.explainer(name)
        .explain(
            ExplanationRequest.builder(X, Y, sim)
                .parameters(
                    params(name, 4)
                        .withSides(EnumSet.of(Side.TARGET))
                        .withSegmentation(Segmentation.grid(3, 3))
                        .withSeed(seed)
                        .withBudget(budget))
                .build())
        .map(Side.TARGET)
        .orElseThrow()
        .values();
  }
}
