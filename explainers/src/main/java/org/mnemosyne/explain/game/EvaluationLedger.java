package org.mnemosyne.explain.game;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.CancelledException;
import org.mnemosyne.api.progress.ProgressListener;

/**
 * Memo, budget, batching, progress and cancellation over evaluation keys (a coalition, or a pair of
 * image states). Keys are evaluated in batches of {@code batchSize}; because every key's value is
 * deterministic and stored by key, the batch size never changes any value. Not thread-safe.
 *
 * @param <K> the evaluation key; equal keys have equal values
 */
final class EvaluationLedger<K> {
  private final Map<K, Double> memo = new HashMap<>();
  private final Set<K> reserved = new LinkedHashSet<>();
  private final long budget;
  private final int batchSize;
  private final Function<List<K>, double[]> evaluator;
  private final ProgressListener progress;
  private final CancellationToken cancellation;
  private final String label;
  private long evaluated;

  EvaluationLedger(
      long budget,
      int batchSize,
      Function<List<K>, double[]> evaluator,
      ProgressListener progress,
      CancellationToken cancellation,
      String label) {
    if (budget < 0 || batchSize <= 0) {
      throw new IllegalArgumentException("budget must be >= 0 and batch size > 0");
    }
    this.budget = budget;
    this.batchSize = batchSize;
    this.evaluator = evaluator;
    this.progress = progress;
    this.cancellation = cancellation;
    this.label = label;
  }

  long evaluations() {
    return evaluated;
  }

  long remaining() {
    return budget - evaluated - reserved.size();
  }

  long budget() {
    return budget;
  }

  /** Distinct keys that are neither known nor reserved. */
  long cost(Collection<K> keys) {
    Set<K> fresh = new LinkedHashSet<>();
    for (K k : keys) {
      if (!memo.containsKey(k) && !reserved.contains(k)) {
        fresh.add(k);
      }
    }
    return fresh.size();
  }

  boolean tryReserve(Collection<K> keys) {
    if (cost(keys) > remaining()) {
      return false;
    }
    for (K k : keys) {
      if (!memo.containsKey(k)) {
        reserved.add(k);
      }
    }
    return true;
  }

  /** The values of the keys, evaluating unknown ones in batches. */
  double[] values(List<K> keys) {
    List<K> unknown = new ArrayList<>(new LinkedHashSet<>(keys));
    unknown.removeIf(memo::containsKey);
    long unreserved = unknown.stream().filter(k -> !reserved.contains(k)).count();
    if (unreserved > remaining()) {
      throw new BudgetExceededException(unreserved, remaining());
    }
    for (int from = 0; from < unknown.size(); from += batchSize) {
      if (cancellation.isCancelled()) {
        throw new CancelledException();
      }
      List<K> batch = unknown.subList(from, Math.min(unknown.size(), from + batchSize));
      double[] scores = evaluateChecked(batch);
      for (int i = 0; i < scores.length; i++) {
        K k = batch.get(i);
        memo.put(k, scores[i]);
        reserved.remove(k);
      }
      evaluated += batch.size();
      progress.progress(evaluated, budget, label);
    }
    double[] out = new double[keys.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = memo.get(keys.get(i));
    }
    return out;
  }

  private double[] evaluateChecked(List<K> batch) {
    double[] scores;
    try {
      scores = evaluator.apply(List.copyOf(batch));
    } catch (CancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          label
              + ": the similarity failed on a batch of "
              + batch.size()
              + " after "
              + evaluated
              + " evaluations: "
              + e.getMessage(),
          e);
    }
    if (scores == null || scores.length != batch.size()) {
      throw new IllegalStateException(
          label
              + ": the similarity returned "
              + (scores == null ? "null" : scores.length + " scores")
              + " for "
              + batch.size()
              + " pairs");
    }
    for (double s : scores) {
      if (!Double.isFinite(s)) {
        throw new IllegalStateException(
            label + ": the similarity returned a non-finite score " + s);
      }
    }
    return scores;
  }
}
