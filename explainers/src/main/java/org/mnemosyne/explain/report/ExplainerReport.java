package org.mnemosyne.explain.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.explain.SimilarityFunction;
import org.mnemosyne.explain.metrics.ExplanationAgreement;

/**
 * Runs every explainer over every pair and summarises the metrics per explainer (issue 4 item 6).
 *
 * <p>Per explainer and pair: the main run ({@link ReportSettings} says which units and budget;
 * first order explains the target side), timed, with the similarity evaluated afresh; a run with
 * seed + 1 and one with half the budget, whose agreement with the main run ({@link
 * ExplanationAgreement}) is the seed and budget consistency — not applicable when the explainer
 * refuses half the budget (exact ones need every coalition); the deletion and insertion curves of
 * the main run's target map on the report's first-order grid; for joint explanations of pairs with
 * known objects, the projection metric (the query object's segments projected through the
 * correspondence, scored with everything else censored) and the IoU of the projected region with
 * the target's object. A {@code (random)} row scores random maps and correspondences on the same
 * pairs, the level that means "no information". Scores are memoised across runs ({@link
 * MemoisedSimilarity}); only the main runs are timed, and they do not read the memo. An explainer
 * that fails on a pair is reported with the message and scored on the other pairs. Not thread-safe.
 */
public final class ExplainerReport {
  /** The name of the baseline row. */
  public static final String RANDOM = "(random)";

  private final ReportSettings settings;
  private final MemoisedSimilarity similarity;
  private final PairScorer scorer;

  /**
   * An explainer to report on.
   *
   * @param provider its provider (name, orders, capabilities)
   * @param explainer the explainer it created
   */
  public record Contender(ExplainerProvider provider, Explainer explainer) {
    /** Validates. */
    public Contender {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(explainer, "explainer");
    }
  }

  private ExplainerReport(ReportSettings settings, MemoisedSimilarity similarity) {
    this.settings = settings;
    this.similarity = similarity;
    this.scorer = new PairScorer(settings, similarity);
  }

  /**
   * Runs the report.
   *
   * @param contenders the explainers, in the order of the rows
   * @param pairs the pairs (at least one)
   * @param similarity the score explained
   * @param settings units, budgets and metric settings
   * @param log receives one progress line per explainer and pair
   * @return one row per contender, then the {@link #RANDOM} row
   */
  public static List<ReportRow> run(
      List<Contender> contenders,
      List<ReportPair> pairs,
      SimilarityFunction similarity,
      ReportSettings settings,
      Consumer<String> log) {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("the report needs at least one pair");
    }
    ExplainerReport report = new ExplainerReport(settings, new MemoisedSimilarity(similarity));
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (Contender c : contenders) {
      tallies.put(c.provider().name(), new Tally(report.setting(c.provider())));
    }
    Tally random = new Tally("random map and correspondence");
    for (int k = 0; k < pairs.size(); k++) {
      ReportPair pair = pairs.get(k);
      String where = String.format(Locale.ROOT, "pair %d/%d %s", k + 1, pairs.size(), pair.label());
      for (Contender c : contenders) {
        Tally t = tallies.get(c.provider().name());
        long t0 = System.nanoTime();
        try {
          t.add(report.measure(c, pair));
          log.accept(
              String.format(
                  Locale.ROOT,
                  "%s: %s %.1f s",
                  where,
                  c.provider().name(),
                  (System.nanoTime() - t0) / 1e9));
        } catch (RuntimeException e) {
          t.failures.add(pair.label() + ": " + e.getMessage());
          log.accept(where + ": " + c.provider().name() + " failed: " + e.getMessage());
        }
      }
      random.add(report.scorer.random(pair, k));
    }
    List<ReportRow> rows = new ArrayList<>();
    tallies.forEach((name, t) -> rows.add(t.row(name)));
    rows.add(random.row(RANDOM));
    return rows;
  }

  /** The main run's parameters for an explainer. */
  ExplanationParameters parameters(ExplainerProvider p) {
    boolean joint = !p.orders().contains(Order.FIRST);
    boolean exact = p.capabilities().contains("exact");
    Segmentation units =
        joint
            ? (exact ? settings.exactJointGrid() : settings.jointGrid())
            : (exact ? settings.exactGrid() : settings.grid());
    int players = (joint ? 2 : 1) * ReportSettings.cells(units);
    int budget =
        exact
            ? (int) Math.min(1L << Math.min(players, 31), Integer.MAX_VALUE)
            : (joint ? settings.jointBudget() : settings.budget());
    return ExplanationParameters.defaults()
        .withOrder(joint ? Order.JOINT : Order.FIRST)
        .withSides(joint ? EnumSet.allOf(Side.class) : EnumSet.of(Side.TARGET))
        .withSegmentation(units)
        .withCensor(settings.censor())
        .withBudget(budget)
        .withBatchSize(settings.batchSize())
        .withSeed(settings.seed());
  }

  private String setting(ExplainerProvider p) {
    ExplanationParameters x = parameters(p);
    String g = x.segmentation().rows() + "x" + x.segmentation().columns();
    String units = x.order() == Order.JOINT ? "joint " + g + "+" + g : "first " + g;
    String cost =
        p.capabilities().contains("exact")
            ? " exact"
            : p.capabilities().contains("closed-form") ? " closed form" : " @" + x.budget();
    return units + cost + (p.requiresGreyBox() ? " grey-box" : "");
  }

  private Map<Metric, Double> measure(Contender c, ReportPair pair) {
    ExplanationParameters p = parameters(c.provider());
    Map<Metric, Double> m = new EnumMap<>(Metric.class);
    Explanation main = explain(c.explainer(), pair, p, similarity.recordingOnly());
    m.put(Metric.EVALUATIONS, (double) main.evaluations());
    m.put(Metric.WALL_MILLIS, main.wallTime().toNanos() / 1e6);
    Explanation reseeded = explain(c.explainer(), pair, p.withSeed(p.seed() + 1), similarity);
    m.put(Metric.SEED_CONSISTENCY, ExplanationAgreement.spearman(main, reseeded));
    m.put(Metric.BUDGET_CONSISTENCY, halfBudgetAgreement(c.explainer(), pair, p, main));
    SegmentAttribution map =
        main.map(Side.TARGET)
            .orElseThrow(() -> new IllegalStateException("no target map in the explanation"));
    m.putAll(scorer.curves(pair, map));
    if (main.joint().isPresent() && pair.hasObjects()) {
      m.putAll(scorer.projection(pair, main.parameters(), main.joint().get()));
    }
    return m;
  }

  private double halfBudgetAgreement(
      Explainer e, ReportPair pair, ExplanationParameters p, Explanation main) {
    if (p.budget() / 2 < 1) {
      return Double.NaN;
    }
    Explanation half;
    try {
      half = explain(e, pair, p.withBudget(p.budget() / 2), similarity);
    } catch (IllegalArgumentException refused) {
      return Double.NaN; // e.g. an exact explainer below 2^M
    }
    return ExplanationAgreement.spearman(main, half);
  }

  private Explanation explain(
      Explainer e, ReportPair pair, ExplanationParameters p, SimilarityFunction s) {
    return e.explain(
        ExplanationRequest.builder(pair.query(), pair.target(), s).parameters(p).build());
  }

  /** The values of one row, pair by pair. */
  private static final class Tally {
    private final String setting;
    private final Map<Metric, List<Double>> values = new EnumMap<>(Metric.class);
    private final List<String> failures = new ArrayList<>();

    Tally(String setting) {
      this.setting = setting;
    }

    void add(Map<Metric, Double> m) {
      m.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }

    ReportRow row(String name) {
      Map<Metric, Summary> s = new EnumMap<>(Metric.class);
      values.forEach(
          (k, v) -> {
            Summary sum = Summary.of(v.stream().mapToDouble(Double::doubleValue).toArray());
            if (sum.count() > 0) {
              s.put(k, sum);
            }
          });
      return new ReportRow(name, setting, s, failures);
    }
  }
}
