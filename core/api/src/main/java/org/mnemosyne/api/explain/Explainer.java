package org.mnemosyne.api.explain;

/**
 * Explains why a target is similar to a query. One verb for every algorithm.
 *
 * <p>Contract: the result depends only on the request's images, similarity function and {@link
 * ExplanationParameters} (batch size excluded); it never spends more than the budget of similarity
 * evaluations; it polls the request's cancellation token between batches and reports progress as
 * evaluations done of the budget. Implementations are thread-safe (one instance serves concurrent
 * requests).
 */
public interface Explainer {

  /**
   * Computes an explanation.
   *
   * @throws IllegalArgumentException if the parameters are not supported (wrong order, a grey-box
   *     explainer given a black-box similarity...); the message says which
   * @throws org.mnemosyne.api.progress.CancelledException if cancelled
   */
  Explanation explain(ExplanationRequest request);
}
