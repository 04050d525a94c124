package org.mnemosyne.explain.cam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.GreyBoxSimilarity;
import org.mnemosyne.api.explain.JointAttribution;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.FeatureMap;
import org.mnemosyne.explain.ExplainerOptions;
import org.mnemosyne.explain.segment.FeatureGrid;
import org.mnemosyne.explain.segment.GridSegmenter;
import org.mnemosyne.explain.segment.Segmenter;

/**
 * Search-CAM ({@link Order#FIRST}) or joint CAM ({@link Order#JOINT}) on a grey-box similarity: one
 * call of {@link GreyBoxSimilarity#featureMaps} for the pair (two forward passes, three with a
 * counterfactual query, which only first order accepts), then {@link CamMath}.
 *
 * <p>Option {@code normalise} (default true): divide by the embedding norms so that the values sum
 * to the cosine, the score the search ranks by — an approximation of the cosine game, labelled so
 * by an absent error estimate; with {@code normalise=false} the values are the exact Shapley values
 * (indices) of the inner product of pooled features with zeroed cells, error estimate 0. Base
 * value: 0, the score with the explained images' features zeroed (with a counterfactual query and
 * only the query side explained, minus the counterfactual score). Evaluations: one per pair scored
 * (1, or 2 with a counterfactual). With feature-cell segmentation the segments are the cells; any
 * other segmentation receives the cell values spread by {@link CellProjection}. Censor and seed do
 * not matter. Thread-safe (stateless).
 */
public final class CamExplainer implements Explainer {
  private final String name;
  private final String version;
  private final Order order;

  /** An explainer of one order, reporting itself under {@code name} and {@code version}. */
  public CamExplainer(String name, String version, Order order) {
    this.name = name;
    this.version = version;
    this.order = order;
  }

  @Override
  public Explanation explain(ExplanationRequest request) {
    long start = System.nanoTime();
    ExplanationParameters p = request.parameters();
    if (p.order() != order) {
      throw new IllegalArgumentException(
          name + " computes " + order.name().toLowerCase() + " explanations only");
    }
    ExplainerOptions options = ExplainerOptions.of(name, p.options(), Set.of("normalise"));
    boolean normalise = options.flag("normalise", true);
    GreyBoxSimilarity grey =
        request
            .similarity()
            .greyBox()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        name
                            + " needs a grey-box similarity (feature maps); '"
                            + request.similarity().id()
                            + "' is a black box"));
    Optional<RgbImage> cf = request.counterfactualQuery();
    if (cf.isPresent() && order == Order.JOINT) {
      throw new IllegalArgumentException(name + ": counterfactual explanations are first order");
    }
    request.cancellation().throwIfCancelled();
    List<RgbImage> images = new ArrayList<>(List.of(request.query(), request.target()));
    cf.ifPresent(images::add);
    List<FeatureMap> maps = grey.featureMaps(images);
    if (maps.size() != images.size()) {
      throw new IllegalStateException(name + ": expected " + images.size() + " feature maps");
    }
    FeatureMap fq = maps.get(0);
    FeatureMap ft = maps.get(1);
    request.progress().progress(1, 1, name);
    Segments sq = segments(request.query(), fq, p.segmentation());
    Segments st = segments(request.target(), ft, p.segmentation());
    CellProjection pq = new CellProjection(grid(fq), sq);
    CellProjection pt = new CellProjection(grid(ft), st);
    Map<Side, SegmentAttribution> out = new EnumMap<>(Side.class);
    Optional<JointAttribution> joint = Optional.empty();
    double full = score(fq, ft, normalise);
    double base = 0;
    if (order == Order.FIRST) {
      if (p.sides().contains(Side.QUERY)) {
        out.put(
            Side.QUERY,
            new SegmentAttribution(sq, pq.project(CamMath.cellValues(fq, ft, normalise))));
      }
      if (p.sides().contains(Side.TARGET)) {
        double[] a = CamMath.cellValues(ft, fq, normalise);
        if (cf.isPresent()) {
          double[] b = CamMath.cellValues(ft, maps.get(2), normalise);
          for (int j = 0; j < a.length; j++) {
            a[j] -= b[j];
          }
        }
        out.put(Side.TARGET, new SegmentAttribution(st, pt.project(a)));
      }
      if (cf.isPresent()) {
        double other = score(maps.get(2), ft, normalise);
        full -= other;
        base = p.sides().contains(Side.TARGET) ? 0 : -other;
      }
    } else {
      double[][] c = CellProjection.projectBoth(CamMath.pairValues(fq, ft, normalise), pq, pt);
      joint = Optional.of(new JointAttribution(sq, st, c));
      double[] rows = new double[sq.count()];
      double[] cols = new double[st.count()];
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < cols.length; j++) {
          rows[i] += c[i][j] / 2;
          cols[j] += c[i][j] / 2;
        }
      }
      out.put(Side.QUERY, new SegmentAttribution(sq, rows));
      out.put(Side.TARGET, new SegmentAttribution(st, cols));
    }
    return new Explanation(
        name,
        version,
        request.similarity().id(),
        p,
        out,
        joint,
        base,
        full,
        cf.isPresent() ? 2 : 1,
        Duration.ofNanos(System.nanoTime() - start),
        normalise ? OptionalDouble.empty() : OptionalDouble.of(0));
  }

  private static FeatureGrid grid(FeatureMap f) {
    return new FeatureGrid(f.height(), f.width());
  }

  private Segments segments(RgbImage image, FeatureMap f, Segmentation spec) {
    try {
      Segments cells = new GridSegmenter(f.height(), f.width()).segment(image);
      if (spec.kind() == Segmentation.Kind.FEATURE_CELLS) {
        return cells;
      }
      return Segmenter.of(spec, Optional.of(grid(f))).segment(image);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  private static double score(FeatureMap a, FeatureMap b, boolean normalise) {
    double[] ea = CamMath.pooled(a);
    double[] eb = CamMath.pooled(b);
    double dot = 0;
    for (int c = 0; c < ea.length; c++) {
      dot += ea[c] * eb[c];
    }
    return normalise ? dot / Math.max(CamMath.norm(ea) * CamMath.norm(eb), Double.MIN_NORMAL) : dot;
  }
}
