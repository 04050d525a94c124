package org.mnemosyne.explain.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.JointAttribution;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.explain.ExplainerOptions;
import org.mnemosyne.explain.ExplanationSetup;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.FirstOrderEstimator;
import org.mnemosyne.explain.game.Game;
import org.mnemosyne.explain.game.Interactions;
import org.mnemosyne.explain.game.JointEstimator;
import org.mnemosyne.explain.game.PlayerValues;
import org.mnemosyne.explain.game.SimilarityGame;

/**
 * Runs a game estimator on a request: prepares the pair ({@link ExplanationSetup}), plays the
 * first-order game of each requested side or the joint game, and assembles the {@link Explanation}.
 *
 * <p>First order with both sides: the base value is {@code v(empty)} with both images censored (one
 * extra evaluation, reserved first); each side's map sums, for Shapley estimators, to {@code v(N)}
 * minus the score with that side censored. A budget-filling estimator gets half of the remaining
 * budget for the query side and the rest for the target side; an exact one takes what it needs. The
 * target side uses seed {@code seed + 0x9E3779B97F4A7C15}. Joint: the correspondence is the
 * query-by-target block of the pair matrix; the maps are the player values of the joint game (the
 * Shapley values for Shapley-Taylor estimators). Counterfactual queries are refused for joint
 * explanations. Thread-safe (stateless).
 */
public final class GameExplainer implements Explainer {
  private final String name;
  private final String version;
  private final Set<Order> orders;
  private final Set<String> optionKeys;
  private final Function<ExplainerOptions, Plan> planner;

  /** What to run for one request, built from its options. */
  public interface Plan {
    /** First-order values of one side; {@code game} is that side's (possibly capped) view. */
    default PlayerValues firstOrder(SimilarityGame pair, Game game, Side side, long seed) {
      throw new UnsupportedOperationException("first order");
    }

    /** Joint values; {@code game} is the joint view. */
    default Interactions joint(SimilarityGame pair, Game game, long seed) {
      throw new UnsupportedOperationException("joint");
    }

    /** Whether two sides should share the budget evenly. */
    default boolean fillsBudget() {
      return true;
    }

    /** A lower bound on the evaluations needed for a game of {@code players} players. */
    default long minimumBudget(int players) {
      return 3;
    }

    /** A plan running a first-order game estimator. */
    static Plan of(FirstOrderEstimator estimator) {
      return new Plan() {
        @Override
        public PlayerValues firstOrder(SimilarityGame pair, Game game, Side side, long seed) {
          return estimator.estimate(game, seed);
        }

        @Override
        public boolean fillsBudget() {
          return estimator.fillsBudget();
        }

        @Override
        public long minimumBudget(int players) {
          return estimator.minimumBudget(players);
        }
      };
    }

    /** A plan running a joint game estimator. */
    static Plan of(JointEstimator estimator) {
      return new Plan() {
        @Override
        public Interactions joint(SimilarityGame pair, Game game, long seed) {
          return estimator.estimate(game, seed);
        }

        @Override
        public long minimumBudget(int players) {
          return estimator.minimumBudget(players);
        }
      };
    }
  }

  /**
   * An explainer.
   *
   * @param name provider name, recorded in results and messages
   * @param version provider version
   * @param orders the orders the plans support
   * @param optionKeys explainer-specific option keys (the common ones are added)
   * @param planner builds the plan from the checked options; throws IllegalArgumentException on bad
   *     values
   */
  public GameExplainer(
      String name,
      String version,
      Set<Order> orders,
      Set<String> optionKeys,
      Function<ExplainerOptions, Plan> planner) {
    this.name = name;
    this.version = version;
    this.orders = Set.copyOf(orders);
    Set<String> keys = new HashSet<>(optionKeys);
    keys.addAll(ExplainerOptions.COMMON);
    this.optionKeys = Set.copyOf(keys);
    this.planner = planner;
  }

  /**
   * Refuses, before any evaluation, a budget below the estimator's minimum for the requested
   * game(s) (each extra side shares the uncensored pair but needs the doubly censored one).
   */
  private void checkBudget(Plan plan, SimilarityGame pair, ExplanationParameters p) {
    long need;
    String what;
    if (p.order() == Order.JOINT) {
      int m = pair.image(Side.QUERY).count() + pair.image(Side.TARGET).count();
      need = plan.minimumBudget(m);
      what = m + " players (query and target segments)";
    } else {
      need = 0;
      List<String> parts = new ArrayList<>();
      for (Side side : new TreeSet<>(p.sides())) {
        int m = pair.image(side).count();
        need += plan.minimumBudget(m);
        parts.add(m + " " + side.name().toLowerCase(java.util.Locale.ROOT) + " segments");
      }
      what = String.join(" and ", parts);
    }
    if (need > p.budget()) {
      throw new IllegalArgumentException(
          name
              + " needs at least "
              + need
              + " evaluations for "
              + what
              + "; the budget is "
              + p.budget());
    }
  }

  @Override
  public Explanation explain(ExplanationRequest request) {
    long start = System.nanoTime();
    ExplanationParameters p = request.parameters();
    if (!orders.contains(p.order())) {
      throw new IllegalArgumentException(
          name + " computes " + new TreeSet<>(orders) + " explanations, not " + p.order());
    }
    if (p.order() == Order.JOINT && request.counterfactualQuery().isPresent()) {
      throw new IllegalArgumentException(name + ": counterfactual explanations are first order");
    }
    ExplainerOptions options = ExplainerOptions.of(name, p.options(), optionKeys);
    Plan plan = planner.apply(options);
    SimilarityGame pair = ExplanationSetup.prepare(name, request, options).game();
    checkBudget(plan, pair, p);
    Map<Side, SegmentAttribution> maps = new EnumMap<>(Side.class);
    Optional<JointAttribution> joint = Optional.empty();
    double base;
    double full;
    double error;
    try {
      if (p.order() == Order.FIRST) {
        List<Side> sides = new ArrayList<>(new TreeSet<>(p.sides()));
        Game jointGame = pair.joint();
        Coalition bothAbsent = Coalition.empty(jointGame.players());
        if (sides.size() == 2 && !jointGame.tryReserve(List.of(bothAbsent))) {
          throw new IllegalArgumentException(name + ": the budget is too small");
        }
        double errorSquares = 0;
        PlayerValues last = null;
        for (int k = 0; k < sides.size(); k++) {
          Side side = sides.get(k);
          Game game = pair.side(side);
          if (k == 0 && sides.size() == 2 && plan.fillsBudget()) {
            game = Game.capped(game, game.remainingBudget() / 2);
          }
          long seed = side == Side.QUERY ? p.seed() : p.seed() + 0x9E3779B97F4A7C15L;
          last = plan.firstOrder(pair, game, side, seed);
          maps.put(side, new SegmentAttribution(pair.image(side).segments(), last.values()));
          errorSquares += last.errorEstimate() * last.errorEstimate();
        }
        full = last.fullValue();
        base = sides.size() == 2 ? jointGame.value(bothAbsent) : last.baseValue();
        error = Math.sqrt(errorSquares / sides.size());
      } else {
        Interactions in = plan.joint(pair, pair.joint(), p.seed());
        int mq = pair.image(Side.QUERY).count();
        joint =
            Optional.of(
                new JointAttribution(
                    pair.image(Side.QUERY).segments(),
                    pair.image(Side.TARGET).segments(),
                    in.crossBlock(mq)));
        double[] phi = in.playerValues();
        maps.put(
            Side.QUERY,
            new SegmentAttribution(
                pair.image(Side.QUERY).segments(), java.util.Arrays.copyOfRange(phi, 0, mq)));
        maps.put(
            Side.TARGET,
            new SegmentAttribution(
                pair.image(Side.TARGET).segments(),
                java.util.Arrays.copyOfRange(phi, mq, phi.length)));
        base = in.baseValue();
        full = in.fullValue();
        error = in.errorEstimate();
      }
    } catch (IllegalArgumentException e) {
      throw e.getMessage() != null && e.getMessage().startsWith(name)
          ? e
          : new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
    return new Explanation(
        name,
        version,
        request.similarity().id(),
        p,
        maps,
        joint,
        base,
        full,
        pair.evaluations(),
        Duration.ofNanos(System.nanoTime() - start),
        Double.isNaN(error) ? OptionalDouble.empty() : OptionalDouble.of(error));
  }
}
