package org.mnemosyne.explain.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.mnemosyne.explain.game.Coalition;
import org.mnemosyne.explain.game.Game;

/**
 * Deletion and insertion curves of a first-order map (Appendix 4): rank the players by score
 * (descending, ties by index); at each fraction {@code f = 0, 1/steps, ..., 1} take the top {@code
 * round(f M)} players; deletion is the game's value with them removed ({@code v(N \ top)}),
 * insertion with only them present ({@code v(top)}). Areas by the trapezoid rule over {@code f}. A
 * faithful map makes deletion fall fast (low area) and insertion rise fast (high area). Costs at
 * most {@code 2 (steps + 1)} evaluations of the game (fewer when memoised). Stateless; thread-safe.
 */
public final class DeletionInsertion {
  private DeletionInsertion() {}

  /**
   * The curves.
   *
   * @param fractions the fractions of players removed or kept
   * @param deletion the value with the top fraction removed
   * @param insertion the value with only the top fraction kept
   * @param deletionArea area under the deletion curve (lower is better)
   * @param insertionArea area under the insertion curve (higher is better)
   */
  public record Curves(
      double[] fractions,
      double[] deletion,
      double[] insertion,
      double deletionArea,
      double insertionArea) {}

  /** Computes the curves of {@code scores} on {@code game} with {@code steps} steps (e.g. 10). */
  public static Curves of(Game game, double[] scores, int steps) {
    int m = game.players();
    if (scores.length != m || steps < 1) {
      throw new IllegalArgumentException("one score per player and at least one step expected");
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i));
    double[] fractions = new double[steps + 1];
    List<Coalition> coalitions = new ArrayList<>();
    for (int k = 0; k <= steps; k++) {
      fractions[k] = (double) k / steps;
      int top = (int) Math.round(fractions[k] * m);
      boolean[] kept = new boolean[m];
      for (int r = 0; r < top; r++) {
        kept[order[r]] = true;
      }
      Coalition only = Coalition.of(kept);
      coalitions.add(only.complement());
      coalitions.add(only);
    }
    double[] v = game.values(coalitions);
    double[] deletion = new double[steps + 1];
    double[] insertion = new double[steps + 1];
    for (int k = 0; k <= steps; k++) {
      deletion[k] = v[2 * k];
      insertion[k] = v[2 * k + 1];
    }
    return new Curves(
        fractions, deletion, insertion, area(fractions, deletion), area(fractions, insertion));
  }

  static double area(double[] x, double[] y) {
    double a = 0;
    for (int i = 1; i < x.length; i++) {
      a += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
    }
    return a;
  }
}
