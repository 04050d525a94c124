package org.mnemosyne.index.engine;

import java.util.Objects;

/**
 * Which provider an engine index belongs to and which kind of segment it builds: the name and
 * version written into (and checked against) saved files, and the segment structure. Immutable.
 */
public final class IndexFlavor {
  private final String provider;
  private final String version;
  private final SegmentKind kind;
  private final UpdatePolicy policy;

  private IndexFlavor(String provider, String version, SegmentKind kind, UpdatePolicy policy) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.version = Objects.requireNonNull(version, "version");
    this.kind = kind;
    this.policy = policy;
  }

  /** Segments that score every match of the condition's postings exactly. */
  public static IndexFlavor exactScan(String provider, String version) {
    return new IndexFlavor(provider, version, ScanSegment.KIND, UpdatePolicy.DEFAULT);
  }

  /**
   * The paper's conditional ball tree.
   *
   * @param leafSize the largest leaf (SynapseML: 50)
   * @param fallback whether tiny conditions are scored from their postings instead of the tree
   */
  public static IndexFlavor conditionalBallTree(
      String provider, String version, int leafSize, boolean fallback) {
    BallTreeSegment.BallTreeOptions d = BallTreeSegment.BallTreeOptions.DEFAULT;
    return new IndexFlavor(
        provider,
        version,
        new BallTreeSegment.BallTreeOptions(
            leafSize,
            d.maxSummarisedValues(),
            fallback ? d.fallbackMinimum() : 0,
            fallback ? d.fallbackPerK() : 0),
        UpdatePolicy.DEFAULT);
  }

  /**
   * The bounded scan over quantised vectors in a ball partition, with the default planner.
   *
   * @param leafSize the largest leaf (default 32)
   */
  public static IndexFlavor boundedScan(String provider, String version, int leafSize) {
    BoundedSegment.BoundedOptions d = BoundedSegment.BoundedOptions.DEFAULT;
    return boundedScan(
        provider, version, leafSize, d.postingsMaximum(), d.scanBelow(), d.prefixEnergy());
  }

  /**
   * The bounded scan with explicit planner thresholds (see {@code BoundedSegment}).
   *
   * @param leafSize the largest leaf
   * @param postingsMaximum conditions with at most {@code max(postingsMaximum, 4k)} matches are
   *     scored from their postings
   * @param scanBelow nodes with at most this many matches are scanned instead of descended into
   * @param prefixEnergy prefix bounds are built when 128 principal directions capture this fraction
   *     of the energy (above 1: never)
   */
  public static IndexFlavor boundedScan(
      String provider,
      String version,
      int leafSize,
      int postingsMaximum,
      int scanBelow,
      double prefixEnergy) {
    if (leafSize < 1 || postingsMaximum < 0 || scanBelow < 0 || !(prefixEnergy >= 0)) {
      throw new IllegalArgumentException("invalid bounded-scan options");
    }
    return new IndexFlavor(
        provider,
        version,
        new BoundedSegment.BoundedOptions(leafSize, postingsMaximum, scanBelow, prefixEnergy),
        UpdatePolicy.DEFAULT);
  }

  /** The same flavor with another update policy. */
  public IndexFlavor withPolicy(UpdatePolicy policy) {
    return new IndexFlavor(provider, version, kind, Objects.requireNonNull(policy, "policy"));
  }

  /** Provider name, written into saved files. */
  public String provider() {
    return provider;
  }

  /** Provider (file format) version, written into saved files. */
  public String version() {
    return version;
  }

  /** The update policy. */
  public UpdatePolicy policy() {
    return policy;
  }

  SegmentKind kind() {
    return kind;
  }

  @Override
  public String toString() {
    return provider + " " + version + " (" + kind.name() + " segments)";
  }
}
