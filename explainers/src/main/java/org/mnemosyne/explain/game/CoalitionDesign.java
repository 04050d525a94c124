package org.mnemosyne.explain.game;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * Which coalitions a kernel regression evaluates, and with what weights, within a budget: the
 * design shared by Kernel SHAP and Kernel Shapley-Taylor.
 *
 * <p>The target is the weighted sum over every coalition whose size lies in {@code [minSize,
 * maxSize]}, with weight {@code mass(s) / C(M, s)} for a coalition of size {@code s} (so {@code
 * mass(s)} is the total kernel weight of size {@code s}). The plan:
 *
 * <ol>
 *   <li>If the budget pays for every such coalition, all are enumerated with their exact weights
 *       ({@link #exhaustive()}); the regression is then exact.
 *   <li>Otherwise sizes are taken in decreasing order of per-coalition weight; a size (with its
 *       complement size when pairing) is enumerated exactly while the budget's share for it,
 *       proportional to its mass, covers all its coalitions (the {@code shap} library's rule; also
 *       with a separate allocation, which would enumerate fewer of the small sizes and sample them
 *       with repeats instead).
 *   <li>The remaining sizes are sampled, stratified by size: draw {@code k} takes the size whose
 *       share of the draws so far lags most behind its share {@code p(s)} of the remaining mass (or
 *       of the remaining allocation) (systematic proportional allocation, no randomness in the
 *       sizes), then a uniform subset of that size and, when {@code paired} and the complement's
 *       size is also sampled, the complement too (antithetic pairs). Draws stop at the first one
 *       that does not fit in the budget. Every row of size {@code t} gets the weight {@code mass(t)
 *       / rows(t)}, {@code rows(t)} the number of sampled rows of that size (complements included),
 *       so each size's sampled weights sum exactly to its kernel mass, whether or not the kernel is
 *       symmetric in {@code s <-> M - s}. Repeated coalitions have their weights summed.
 * </ol>
 *
 * <p>Each sampled row also records which half (even or odd draw) it came from, so that estimators
 * can refit on each half and report the spread as their error indicator. Every coalition of the
 * design is reserved in the game. Deterministic given the seed.
 */
public final class CoalitionDesign {
  /** Enumerating a size with more coalitions than this is never considered. */
  private static final double ENUMERATION_LIMIT = 4_000_000;

  private final List<Row> rows;
  private final boolean exhaustive;
  private final int draws;

  /**
   * One coalition of the design.
   *
   * @param coalition the coalition
   * @param enumeratedWeight weight from exact enumeration of its size
   * @param evenWeight importance weight from even-numbered draws
   * @param oddWeight importance weight from odd-numbered draws
   */
  public record Row(
      Coalition coalition, double enumeratedWeight, double evenWeight, double oddWeight) {
    /** The row's total weight. */
    public double weight() {
      return enumeratedWeight + evenWeight + oddWeight;
    }
  }

  private CoalitionDesign(List<Row> rows, boolean exhaustive, int draws) {
    this.rows = List.copyOf(rows);
    this.exhaustive = exhaustive;
    this.draws = draws;
  }

  /** The rows, deterministic order. */
  public List<Row> rows() {
    return rows;
  }

  /** Whether every coalition of the free sizes is in the design (no sampling). */
  public boolean exhaustive() {
    return exhaustive;
  }

  /** Number of random draws (0 when exhaustive). */
  public int draws() {
    return draws;
  }

  /** The coalitions of the rows, in order. */
  public List<Coalition> coalitions() {
    List<Coalition> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(r.coalition()));
    return out;
  }

  /**
   * Plans a design and reserves its coalitions in the game.
   *
   * @param game the game (its remaining budget bounds the design)
   * @param minSize smallest free coalition size (at least 1)
   * @param maxSize largest free coalition size (at most M - 1)
   * @param mass total kernel weight of each size; positive on the free sizes
   * @param paired whether to add the complement of each sampled coalition
   * @param seed randomness
   */
  public static CoalitionDesign plan(
      Game game, int minSize, int maxSize, IntToDoubleFunction mass, boolean paired, long seed) {
    return plan(game, minSize, maxSize, mass, mass, paired, seed);
  }

  /**
   * Plans a design whose sampled draws are shared among the sizes in proportion to {@code
   * allocation} instead of the kernel mass, and reserves its coalitions in the game. The weights
   * are unchanged (each size's rows still sum to its mass), so the target of the regression is the
   * same; only where the sampled evaluations go changes. Which sizes are enumerated is still
   * decided by the mass.
   *
   * @param game the game (its remaining budget bounds the design)
   * @param minSize smallest free coalition size (at least 1)
   * @param maxSize largest free coalition size (at most M - 1)
   * @param mass total kernel weight of each size; positive on the free sizes
   * @param allocation relative share of the draws of each size; positive on the free sizes
   * @param paired whether to add the complement of each sampled coalition
   * @param seed randomness
   */
  public static CoalitionDesign plan(
      Game game,
      int minSize,
      int maxSize,
      IntToDoubleFunction mass,
      IntToDoubleFunction allocation,
      boolean paired,
      long seed) {
    int m = game.players();
    if (minSize < 1 || maxSize > m - 1 || minSize > maxSize) {
      throw new IllegalArgumentException("free sizes must lie in 1..M-1");
    }
    List<Integer> remaining = new ArrayList<>();
    double total = 0;
    for (int s = minSize; s <= maxSize; s++) {
      if (!(mass.applyAsDouble(s) > 0) || !(allocation.applyAsDouble(s) > 0)) {
        throw new IllegalArgumentException(
            "kernel mass and allocation must be positive for size " + s);
      }
      remaining.add(s);
      total += Binomial.choose(m, s);
    }
    Map<Coalition, double[]> acc = new LinkedHashMap<>();
    if (total <= Math.min(game.remainingBudget(), ENUMERATION_LIMIT)) {
      List<Coalition> all = new ArrayList<>();
      for (int s : remaining) {
        all.addAll(subsetsOfSize(m, s));
      }
      if (game.tryReserve(all)) {
        for (int s : remaining) {
          enumerate(acc, m, s, mass);
        }
        return new CoalitionDesign(toRows(acc), true, 0);
      }
    }
    enumerateAffordableSizes(game, remaining, mass, paired, acc);
    if (remaining.isEmpty()) {
      return new CoalitionDesign(toRows(acc), true, 0);
    }
    int draws = sample(game, remaining, mass, allocation, paired, seed, acc);
    return new CoalitionDesign(toRows(acc), false, draws);
  }

  private static void enumerateAffordableSizes(
      Game game,
      List<Integer> remaining,
      IntToDoubleFunction mass,
      boolean paired,
      Map<Coalition, double[]> acc) {
    int m = game.players();
    remaining.sort(
        Comparator.comparingDouble((Integer s) -> -mass.applyAsDouble(s) / Binomial.choose(m, s))
            .thenComparingInt(s -> s));
    while (!remaining.isEmpty()) {
      int s = remaining.get(0);
      List<Integer> group = new ArrayList<>(List.of(s));
      if (paired && m - s != s && remaining.contains(m - s)) {
        group.add(m - s);
      }
      double count = 0;
      double groupMass = 0;
      for (int t : group) {
        count += Binomial.choose(m, t);
        groupMass += mass.applyAsDouble(t);
      }
      double restMass = 0;
      for (int t : remaining) {
        restMass += mass.applyAsDouble(t);
      }
      double share = game.remainingBudget() * groupMass / restMass;
      if (count > share || count > ENUMERATION_LIMIT) {
        return;
      }
      List<Coalition> all = new ArrayList<>();
      for (int t : group) {
        all.addAll(subsetsOfSize(m, t));
      }
      if (!game.tryReserve(all)) {
        return;
      }
      for (int t : group) {
        enumerate(acc, m, t, mass);
        remaining.remove(Integer.valueOf(t));
      }
    }
  }

  private static int sample(
      Game game,
      List<Integer> sizes,
      IntToDoubleFunction mass,
      IntToDoubleFunction allocation,
      boolean paired,
      long seed,
      Map<Coalition, double[]> acc) {
    int m = game.players();
    List<Integer> sorted = new ArrayList<>(sizes);
    sorted.sort(Comparator.naturalOrder());
    double sum = 0;
    for (int s : sorted) {
      sum += allocation.applyAsDouble(s);
    }
    double[] p = new double[sorted.size()];
    for (int k = 0; k < p.length; k++) {
      p[k] = allocation.applyAsDouble(sorted.get(k)) / sum;
    }
    boolean[] sampled = new boolean[m + 1];
    sorted.forEach(s -> sampled[s] = true);

    SplittableRandom rng = new SplittableRandom(seed);
    List<Coalition> drawn = new ArrayList<>();
    List<Integer> drawIndex = new ArrayList<>();
    int[] drawsOfSize = new int[p.length];
    int[] rowsOfSize = new int[m + 1];
    long maxDraws = 64 * Math.max(1, game.remainingBudget()) + 1024;
    int draws = 0;
    while (draws < maxDraws) {
      int k = mostBehind(p, drawsOfSize, draws);
      int s = sorted.get(k);
      Coalition z = randomSubset(m, s, rng);
      List<Coalition> batch = new ArrayList<>(2);
      batch.add(z);
      if (paired && sampled[m - s]) {
        batch.add(z.complement());
      }
      if (!game.tryReserve(batch)) {
        break;
      }
      drawsOfSize[k]++;
      for (Coalition c : batch) {
        drawn.add(c);
        drawIndex.add(draws);
        rowsOfSize[c.size()]++;
      }
      draws++;
    }
    for (int r = 0; r < drawn.size(); r++) {
      Coalition c = drawn.get(r);
      int t = c.size();
      double w = mass.applyAsDouble(t) / rowsOfSize[t];
      double[] slot = acc.computeIfAbsent(c, key -> new double[3]);
      slot[(drawIndex.get(r) & 1) == 0 ? 1 : 2] += w;
    }
    return draws;
  }

  /** The stratum whose share of the draws so far lags most behind its probability. */
  private static int mostBehind(double[] p, int[] drawsOfSize, int draws) {
    int best = 0;
    double bestGap = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < p.length; k++) {
      double gap = p[k] * (draws + 1) - drawsOfSize[k];
      if (gap > bestGap) {
        bestGap = gap;
        best = k;
      }
    }
    return best;
  }

  private static void enumerate(
      Map<Coalition, double[]> acc, int m, int size, IntToDoubleFunction mass) {
    double w = mass.applyAsDouble(size) / Binomial.choose(m, size);
    for (Coalition c : subsetsOfSize(m, size)) {
      acc.computeIfAbsent(c, key -> new double[3])[0] += w;
    }
  }

  private static List<Row> toRows(Map<Coalition, double[]> acc) {
    List<Row> rows = new ArrayList<>(acc.size());
    acc.forEach((c, w) -> rows.add(new Row(c, w[0], w[1], w[2])));
    return rows;
  }

  /** Every subset of {@code {0..m-1}} of size {@code size}, in lexicographic order. */
  public static List<Coalition> subsetsOfSize(int m, int size) {
    List<Coalition> out = new ArrayList<>();
    int[] idx = new int[size];
    for (int i = 0; i < size; i++) {
      idx[i] = i;
    }
    while (true) {
      out.add(Coalition.of(m, idx));
      int i = size - 1;
      while (i >= 0 && idx[i] == m - size + i) {
        i--;
      }
      if (i < 0) {
        return out;
      }
      idx[i]++;
      for (int j = i + 1; j < size; j++) {
        idx[j] = idx[j - 1] + 1;
      }
    }
  }

  /** A uniformly random subset of size {@code size} (partial Fisher-Yates). */
  public static Coalition randomSubset(int m, int size, SplittableRandom rng) {
    int[] perm = new int[m];
    for (int i = 0; i < m; i++) {
      perm[i] = i;
    }
    for (int i = 0; i < size; i++) {
      int j = i + rng.nextInt(m - i);
      int tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
    return Coalition.of(m, java.util.Arrays.copyOf(perm, size));
  }
}
