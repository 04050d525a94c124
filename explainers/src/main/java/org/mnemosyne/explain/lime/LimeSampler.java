package org.mnemosyne.explain.lime;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.Game;

/**
 * LIME's samples: the first is the unmasked instance (every player present), each later one keeps
 * every player independently with probability {@code keepProbability}, drawn from {@code
 * SplittableRandom(seed)} player by player. The sequence depends only on the number of players, the
 * probability and the seed. Immutable.
 *
 * @param keepProbability probability that a player is present, in (0, 1)
 */
public record LimeSampler(double keepProbability) {

  /** Validates. */
  public LimeSampler {
    if (!(keepProbability > 0 && keepProbability < 1)) {
      throw new IllegalArgumentException("keep probability must be in (0, 1)");
    }
  }

  /** The first {@code count} samples of the sequence. */
  public List<Coalition> sequence(int players, int count, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Coalition> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      out.add(next(players, k, rng));
    }
    return out;
  }

  /**
   * Takes samples of the sequence, reserving their evaluations in the game, until {@code
   * maxSamples} are taken or the next one does not fit in the budget.
   */
  public List<Coalition> draw(Game game, int maxSamples, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Coalition> out = new ArrayList<>();
    for (int k = 0; k < maxSamples; k++) {
      Coalition c = next(game.players(), k, rng);
      if (!game.tryReserve(List.of(c))) {
        break;
      }
      out.add(c);
    }
    return out;
  }

  private Coalition next(int players, int k, SplittableRandom rng) {
    if (k == 0) {
      return Coalition.full(players);
    }
    boolean[] keep = new boolean[players];
    for (int i = 0; i < players; i++) {
      keep[i] = rng.nextDouble() < keepProbability;
    }
    return Coalition.of(keep);
  }
}
