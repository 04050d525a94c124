package org.mnemosyne.explain.game;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.explain.SimilarityFunction;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;
import org.mnemosyne.explain.censor.SegmentedImage;

/**
 * The similarity of a censored image pair as a cooperative game, and the one place where explainers
 * call the similarity function.
 *
 * <p>Views: {@link #side(Side)} is the first-order game of one image's segments with the other
 * image uncensored, {@code v(S) = d(x, mask(y, S))} for the target; {@link #joint()} is the
 * second-order game whose players are the query segments followed by the target segments, {@code
 * v(S) = d(mask(x, S_x), mask(y, S_y))}. With a counterfactual query {@code x'}, every value
 * becomes {@code d(...) - d(x', target part)}: "why the target for x rather than for x'" (for the
 * query side the subtracted term is a constant).
 *
 * <p>Every view shares one memo and one budget, counted in similarity evaluations (one pair each; a
 * counterfactual coalition needs two pairs, of which the counterfactual one is often shared). Pairs
 * are sent to the similarity in batches of the request's batch size, built just before each batch
 * from the precomputed censored images (see {@link SegmentedImage}); the uncensored image is passed
 * as the same instance every time. Cancellation is polled before each batch, progress reported
 * after it; a similarity that throws or returns a non-finite score stops the game with an {@link
 * IllegalStateException} naming the cause. Not thread-safe.
 */
public final class SimilarityGame {
  private final SegmentedImage query;
  private final SegmentedImage target;
  private final RgbImage counterfactualQuery;
  private final SimilarityFunction similarity;
  private final EvaluationLedger<PairKey> ledger;

  /**
   * A game under a budget.
   *
   * @param query the prepared query
   * @param target the prepared target
   * @param counterfactualQuery the query whose similarity is subtracted, if any
   * @param similarity the score
   * @param budget maximum similarity evaluations
   * @param batchSize pairs per similarity call
   * @param progress receives evaluations done of the budget
   * @param cancellation polled before each batch
   */
  public SimilarityGame(
      SegmentedImage query,
      SegmentedImage target,
      Optional<RgbImage> counterfactualQuery,
      SimilarityFunction similarity,
      long budget,
      int batchSize,
      ProgressListener progress,
      CancellationToken cancellation) {
    this.query = Objects.requireNonNull(query, "query");
    this.target = Objects.requireNonNull(target, "target");
    this.counterfactualQuery = counterfactualQuery.orElse(null);
    this.similarity = Objects.requireNonNull(similarity, "similarity");
    this.ledger =
        new EvaluationLedger<>(
            budget,
            batchSize,
            this::score,
            progress,
            cancellation,
            "similarity " + similarity.id());
  }

  /** The prepared image of a side. */
  public SegmentedImage image(Side side) {
    return side == Side.QUERY ? query : target;
  }

  /** Whether values are counterfactual differences. */
  public boolean counterfactual() {
    return counterfactualQuery != null;
  }

  /** Similarity evaluations made. */
  public long evaluations() {
    return ledger.evaluations();
  }

  /** Similarity evaluations still available. */
  public long remainingBudget() {
    return ledger.remaining();
  }

  /** The first-order game of one side's segments, the other image uncensored. */
  public Game side(Side side) {
    return new View(side == Side.QUERY ? query.count() : target.count(), side);
  }

  /** The joint game: players {@code 0..Mq-1} are query segments, then the target segments. */
  public Game joint() {
    return new View(query.count() + target.count(), null);
  }

  /**
   * Values of soft-masked pairs (SBSM): each query or target image is blended by its mask, or shown
   * uncensored when the mask is absent. Counts against the same budget; masks are memoised by
   * value.
   *
   * @throws BudgetExceededException if the pairs do not fit in the remaining budget
   */
  public double[] maskedValues(List<MaskedPair> pairs) {
    List<PairKey> keys = new ArrayList<>(pairs.size() * 2);
    for (MaskedPair p : pairs) {
      checkMask(p.query(), query);
      checkMask(p.target(), target);
      keys.addAll(keysOf(p.query(), p.target()));
    }
    return combine(ledger.values(keys), pairs.size());
  }

  /** The keys needed by masked pairs, for planning ({@link #tryReserveMasked}). */
  public boolean tryReserveMasked(MaskedPair pair) {
    return ledger.tryReserve(keysOf(pair.query(), pair.target()));
  }

  /**
   * A pair of soft masks; an absent mask leaves that image uncensored.
   *
   * @param query the query's mask, or null
   * @param target the target's mask, or null
   */
  public record MaskedPair(SmoothMask query, SmoothMask target) {}

  private static void checkMask(SmoothMask m, SegmentedImage image) {
    if (m != null
        && (m.width() != image.original().width() || m.height() != image.original().height())) {
      throw new IllegalArgumentException("mask size differs from the image size");
    }
  }

  private List<PairKey> keysOf(Object queryState, Object targetState) {
    List<PairKey> keys = new ArrayList<>(2);
    keys.add(new PairKey(false, queryState, targetState));
    if (counterfactualQuery != null) {
      keys.add(new PairKey(true, null, targetState));
    }
    return keys;
  }

  private double[] combine(double[] keyValues, int count) {
    int per = counterfactualQuery != null ? 2 : 1;
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = per == 1 ? keyValues[i] : keyValues[2 * i] - keyValues[2 * i + 1];
    }
    return out;
  }

  private double[] score(List<PairKey> keys) {
    List<ImagePair> pairs = new ArrayList<>(keys.size());
    for (PairKey k : keys) {
      RgbImage q = k.counterfactual() ? counterfactualQuery : render(query, k.query());
      pairs.add(new ImagePair(q, render(target, k.target())));
    }
    return similarity.similarity(pairs);
  }

  private static RgbImage render(SegmentedImage image, Object state) {
    if (state == null) {
      return image.original();
    }
    if (state instanceof Coalition c) {
      return image.render(c);
    }
    return image.blend(((SmoothMask) state).render());
  }

  /**
   * What is evaluated: the state of each image (null = uncensored, a {@link Coalition} of its
   * segments, or a {@link SmoothMask}) and whether the query is the counterfactual one.
   */
  private record PairKey(boolean counterfactual, Object query, Object target) {}

  /** A game view: one side (first order) or both (side == null). */
  private final class View implements Game {
    private final int players;
    private final Side side;

    View(int players, Side side) {
      this.players = players;
      this.side = side;
    }

    @Override
    public int players() {
      return players;
    }

    private List<PairKey> keys(Collection<Coalition> coalitions) {
      List<PairKey> keys = new ArrayList<>(coalitions.size() * 2);
      for (Coalition c : coalitions) {
        if (c.players() != players) {
          throw new IllegalArgumentException(
              "coalition over " + c.players() + " players in a game of " + players);
        }
        Object q;
        Object t;
        if (side == Side.QUERY) {
          q = normalise(c);
          t = null;
        } else if (side == Side.TARGET) {
          q = null;
          t = normalise(c);
        } else {
          q = normalise(split(c, 0, query.count()));
          t = normalise(split(c, query.count(), target.count()));
        }
        keys.addAll(keysOf(q, t));
      }
      return keys;
    }

    @Override
    public double[] values(List<Coalition> coalitions) {
      return combine(ledger.values(keys(coalitions)), coalitions.size());
    }

    @Override
    public long cost(Collection<Coalition> coalitions) {
      return ledger.cost(keys(coalitions));
    }

    @Override
    public boolean tryReserve(Collection<Coalition> coalitions) {
      return ledger.tryReserve(keys(coalitions));
    }

    @Override
    public long remainingBudget() {
      return ledger.remaining();
    }

    @Override
    public long evaluations() {
      return ledger.evaluations();
    }
  }

  /** The full coalition is the uncensored image (null), so it is shared across views. */
  private static Object normalise(Coalition c) {
    return c.size() == c.players() ? null : c;
  }

  private static Coalition split(Coalition c, int from, int count) {
    boolean[] present = new boolean[count];
    for (int i = 0; i < count; i++) {
      present[i] = c.contains(from + i);
    }
    return Coalition.of(present);
  }
}
