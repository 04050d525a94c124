package org.mnemosyne.api.explain;

import java.util.Objects;
import java.util.Optional;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;

/**
 * One explanation to compute: the pair, the score to explain, the parameters and the task's
 * progress and cancellation hooks. Built with {@link #builder(RgbImage, RgbImage,
 * SimilarityFunction)}. Immutable.
 */
public final class ExplanationRequest {
  private final RgbImage query;
  private final RgbImage target;
  private final RgbImage counterfactualQuery;
  private final SimilarityFunction similarity;
  private final ExplanationParameters parameters;
  private final ProgressListener progress;
  private final CancellationToken cancellation;

  private ExplanationRequest(Builder b) {
    this.query = b.query;
    this.target = b.target;
    this.counterfactualQuery = b.counterfactualQuery;
    this.similarity = b.similarity;
    this.parameters = b.parameters;
    this.progress = b.progress;
    this.cancellation = b.cancellation;
  }

  /** Starts a request with default parameters. */
  public static Builder builder(RgbImage query, RgbImage target, SimilarityFunction similarity) {
    return new Builder(query, target, similarity);
  }

  /** The query image. */
  public RgbImage query() {
    return query;
  }

  /** The target (search hit) image. */
  public RgbImage target() {
    return target;
  }

  /**
   * For counterfactual explanations ("why is the target similar to the query rather than to this
   * other query"): the second query, whose similarity is subtracted. Empty for ordinary ones.
   */
  public Optional<RgbImage> counterfactualQuery() {
    return Optional.ofNullable(counterfactualQuery);
  }

  /** The score being explained. */
  public SimilarityFunction similarity() {
    return similarity;
  }

  /** The parameters. */
  public ExplanationParameters parameters() {
    return parameters;
  }

  /** Where progress goes (evaluations done of the budget). */
  public ProgressListener progress() {
    return progress;
  }

  /** Polled between batches. */
  public CancellationToken cancellation() {
    return cancellation;
  }

  /** Builder; every setting is optional except the constructor arguments. */
  public static final class Builder {
    private final RgbImage query;
    private final RgbImage target;
    private final SimilarityFunction similarity;
    private RgbImage counterfactualQuery;
    private ExplanationParameters parameters = ExplanationParameters.defaults();
    private ProgressListener progress = ProgressListener.NONE;
    private CancellationToken cancellation = CancellationToken.NONE;

    private Builder(RgbImage query, RgbImage target, SimilarityFunction similarity) {
      this.query = Objects.requireNonNull(query, "query");
      this.target = Objects.requireNonNull(target, "target");
      this.similarity = Objects.requireNonNull(similarity, "similarity");
    }

    /** Sets the parameters. */
    public Builder parameters(ExplanationParameters value) {
      this.parameters = Objects.requireNonNull(value, "parameters");
      return this;
    }

    /** Sets a counterfactual second query. */
    public Builder counterfactualQuery(RgbImage value) {
      this.counterfactualQuery = value;
      return this;
    }

    /** Sets the progress listener. */
    public Builder progress(ProgressListener value) {
      this.progress = Objects.requireNonNull(value, "progress");
      return this;
    }

    /** Sets the cancellation token. */
    public Builder cancellation(CancellationToken value) {
      this.cancellation = Objects.requireNonNull(value, "cancellation");
      return this;
    }

    /** Builds the request. */
    public ExplanationRequest build() {
      return new ExplanationRequest(this);
    }
  }
}
