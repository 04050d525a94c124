package org.mnemosyne.explain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mnemosyne.api.explain.GreyBoxSimilarity;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.explain.SimilarityFunction;
import org.mnemosyne.api.image.RgbImage;

/**
 * A similarity function that remembers the score of every pair it has evaluated, keyed by a 128-bit
 * fingerprint of both images' pixels, so that repeated runs over the same pair (another seed, half
 * the budget, the metrics' censored images) do not pay the model again. Exact because similarity
 * functions are deterministic. The grey-box view is passed through unmemoised.
 *
 * <p>{@link #recordingOnly()} is a view that evaluates every pair but records the scores, for runs
 * whose wall time is measured. Thread-safe.
 */
public final class MemoisedSimilarity implements SimilarityFunction {
  private final SimilarityFunction delegate;
  private final Map<PairKey, Double> memo;
  private final boolean reads;
  private final AtomicLong evaluated;

  /** A memo in front of {@code delegate}. */
  public MemoisedSimilarity(SimilarityFunction delegate) {
    this(delegate, new ConcurrentHashMap<>(), true, new AtomicLong());
  }

  private MemoisedSimilarity(
      SimilarityFunction delegate, Map<PairKey, Double> memo, boolean reads, AtomicLong evaluated) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.memo = memo;
    this.reads = reads;
    this.evaluated = evaluated;
  }

  /** A view sharing this memo that evaluates every pair (and records it). */
  public MemoisedSimilarity recordingOnly() {
    return new MemoisedSimilarity(delegate, memo, false, evaluated);
  }

  /** Pairs sent to the underlying function so far, by this memo and its views. */
  public long evaluated() {
    return evaluated.get();
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public Optional<GreyBoxSimilarity> greyBox() {
    return delegate.greyBox();
  }

  @Override
  public double[] similarity(List<ImagePair> pairs) {
    double[] out = new double[pairs.size()];
    List<Integer> missing = new ArrayList<>();
    List<PairKey> missingKeys = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      PairKey key = PairKey.of(pairs.get(i));
      Double known = reads ? memo.get(key) : null;
      if (known != null) {
        out[i] = known;
      } else {
        missing.add(i);
        missingKeys.add(key);
      }
    }
    if (!missing.isEmpty()) {
      List<ImagePair> ask = new ArrayList<>(missing.size());
      missing.forEach(i -> ask.add(pairs.get(i)));
      double[] scores = delegate.similarity(ask);
      if (scores.length != ask.size()) {
        throw new IllegalStateException(
            "similarity returned " + scores.length + " scores for " + ask.size() + " pairs");
      }
      evaluated.addAndGet(ask.size());
      for (int k = 0; k < scores.length; k++) {
        out[missing.get(k)] = scores[k];
        memo.put(missingKeys.get(k), scores[k]);
      }
    }
    return out;
  }

  /** Two independent 64-bit hashes of an image's size and pixel bits. */
  private record Fingerprint(int width, int height, long a, long b) {
    static Fingerprint of(RgbImage image) {
      long a = 0xcbf29ce484222325L;
      long b = 0x2545F4914F6CDD1DL;
      for (float f : image.planes()) {
        int bits = Float.floatToRawIntBits(f);
        a = (a ^ bits) * 0x100000001b3L;
        b = Long.rotateLeft(b + bits * 0x9E3779B97F4A7C15L, 31) * 0xBF58476D1CE4E5B9L;
      }
      return new Fingerprint(image.width(), image.height(), a, b);
    }
  }

  private record PairKey(Fingerprint query, Fingerprint target) {
    static PairKey of(ImagePair p) {
      return new PairKey(Fingerprint.of(p.query()), Fingerprint.of(p.target()));
    }
  }
}
