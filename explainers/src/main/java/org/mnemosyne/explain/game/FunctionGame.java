package org.mnemosyne.explain.game;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;

/**
 * A game given by a function of coalitions (a synthetic set function, a random network...), with
 * the same memoisation, budget, batching, progress and cancellation as the similarity game: one
 * evaluation per distinct coalition. Used by tests, benchmarks and anything that is not an image
 * pair. Not thread-safe.
 */
public final class FunctionGame implements Game {
  private final int players;
  private final EvaluationLedger<Coalition> ledger;

  private FunctionGame(Builder b) {
    this.players = b.players;
    this.ledger =
        new EvaluationLedger<>(
            b.budget, b.batchSize, b.function, b.progress, b.cancellation, "game");
  }

  /** A game of {@code players} players whose value is {@code v}, with an unlimited budget. */
  public static FunctionGame of(int players, ToDoubleFunction<Coalition> v) {
    return builder(players, v).build();
  }

  /** Starts a builder for a game evaluated one coalition at a time. */
  public static Builder builder(int players, ToDoubleFunction<Coalition> v) {
    Objects.requireNonNull(v, "v");
    return new Builder(
        players,
        batch -> {
          double[] out = new double[batch.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = v.applyAsDouble(batch.get(i));
          }
          return out;
        });
  }

  /** Starts a builder for a game evaluated a batch of coalitions at a time. */
  public static Builder batchBuilder(int players, Function<List<Coalition>, double[]> v) {
    return new Builder(players, Objects.requireNonNull(v, "v"));
  }

  @Override
  public int players() {
    return players;
  }

  @Override
  public double[] values(List<Coalition> coalitions) {
    coalitions.forEach(this::check);
    return ledger.values(coalitions);
  }

  @Override
  public long cost(Collection<Coalition> coalitions) {
    return ledger.cost(coalitions);
  }

  @Override
  public boolean tryReserve(Collection<Coalition> coalitions) {
    coalitions.forEach(this::check);
    return ledger.tryReserve(coalitions);
  }

  @Override
  public long remainingBudget() {
    return ledger.remaining();
  }

  @Override
  public long evaluations() {
    return ledger.evaluations();
  }

  private void check(Coalition c) {
    if (c.players() != players) {
      throw new IllegalArgumentException(
          "coalition over " + c.players() + " players in a game of " + players);
    }
  }

  /** Settings of a {@link FunctionGame}; defaults: unlimited budget, batch 1, no hooks. */
  public static final class Builder {
    private final int players;
    private final Function<List<Coalition>, double[]> function;
    private long budget = Long.MAX_VALUE / 2;
    private int batchSize = 1;
    private ProgressListener progress = ProgressListener.NONE;
    private CancellationToken cancellation = CancellationToken.NONE;

    private Builder(int players, Function<List<Coalition>, double[]> function) {
      if (players < 1) {
        throw new IllegalArgumentException("a game needs at least one player");
      }
      this.players = players;
      this.function = function;
    }

    /** Maximum number of evaluations. */
    public Builder budget(long value) {
      this.budget = value;
      return this;
    }

    /** Coalitions per call of the function. */
    public Builder batchSize(int value) {
      this.batchSize = value;
      return this;
    }

    /** Progress listener. */
    public Builder progress(ProgressListener value) {
      this.progress = Objects.requireNonNull(value);
      return this;
    }

    /** Cancellation token. */
    public Builder cancellation(CancellationToken value) {
      this.cancellation = Objects.requireNonNull(value);
      return this;
    }

    /** Builds the game. */
    public FunctionGame build() {
      return new FunctionGame(this);
    }
  }
}
