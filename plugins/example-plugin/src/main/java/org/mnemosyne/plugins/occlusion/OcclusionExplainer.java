package org.mnemosyne.plugins.occlusion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Segments;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.image.RgbImage;

/**
 * Occlusion attribution: the value of cell i on a side is {@code v(N) - v(N \ {i})}, the drop in
 * similarity when only that cell is censored. Also reports {@code v(empty)}, every cell of the
 * explained sides censored. Supports grid segmentation with mean or constant censoring. Costs
 * {@code 2 + cells * sides} evaluations. Thread-safe (stateless).
 */
final class OcclusionExplainer implements Explainer {
  private final String name;
  private final String version;

  OcclusionExplainer(String name, String version) {
    this.name = name;
    this.version = version;
  }

  @Override
  public Explanation explain(ExplanationRequest request) {
    long start = System.nanoTime();
    ExplanationParameters p = request.parameters();
    if (p.order() != Order.FIRST) {
      throw new IllegalArgumentException("occlusion computes first-order explanations only");
    }
    if (p.segmentation().kind() != Segmentation.Kind.GRID) {
      throw new IllegalArgumentException("occlusion supports grid segmentation only");
    }
    if (p.censor().kind() == Censor.Kind.BLUR) {
      throw new IllegalArgumentException("occlusion supports mean or constant censoring only");
    }
    List<Side> sides = new ArrayList<>(new java.util.TreeSet<>(p.sides()));
    Segments qSeg = grid(request.query(), p.segmentation());
    Segments tSeg = grid(request.target(), p.segmentation());
    int cells = p.segmentation().rows() * p.segmentation().columns();
    long needed = 2L + (long) cells * sides.size();
    if (needed > p.budget()) {
      throw new IllegalArgumentException(
          "occlusion needs " + needed + " evaluations but the budget is " + p.budget());
    }

    List<ImagePair> pairs = new ArrayList<>();
    pairs.add(new ImagePair(request.query(), request.target()));
    pairs.add(
        new ImagePair(
            sides.contains(Side.QUERY) ? censorAll(request.query(), p.censor()) : request.query(),
            sides.contains(Side.TARGET)
                ? censorAll(request.target(), p.censor())
                : request.target()));
    for (Side side : sides) {
      for (int cell = 0; cell < cells; cell++) {
        pairs.add(
            side == Side.QUERY
                ? new ImagePair(censor(request.query(), qSeg, cell, p.censor()), request.target())
                : new ImagePair(request.query(), censor(request.target(), tSeg, cell, p.censor())));
      }
    }
    double[] values = evaluate(request, pairs);
    Map<Side, SegmentAttribution> maps = new EnumMap<>(Side.class);
    int offset = 2;
    for (Side side : sides) {
      double[] drops = new double[cells];
      for (int cell = 0; cell < cells; cell++) {
        drops[cell] = values[0] - values[offset + cell];
      }
      offset += cells;
      maps.put(side, new SegmentAttribution(side == Side.QUERY ? qSeg : tSeg, drops));
    }
    return new Explanation(
        name,
        version,
        request.similarity().id(),
        p,
        maps,
        Optional.empty(),
        values[1],
        values[0],
        pairs.size(),
        Duration.ofNanos(System.nanoTime() - start),
        OptionalDouble.empty());
  }

  private static double[] evaluate(ExplanationRequest request, List<ImagePair> pairs) {
    int batch = request.parameters().batchSize();
    double[] out = new double[pairs.size()];
    for (int from = 0; from < pairs.size(); from += batch) {
      request.cancellation().throwIfCancelled();
      int to = Math.min(pairs.size(), from + batch);
      double[] scores = request.similarity().similarity(pairs.subList(from, to));
      System.arraycopy(scores, 0, out, from, to - from);
      request.progress().progress(to, pairs.size(), "occlusion");
    }
    return out;
  }

  static Segments grid(RgbImage image, Segmentation s) {
    int w = image.width();
    int h = image.height();
    if (s.rows() > h || s.columns() > w) {
      throw new IllegalArgumentException("grid finer than the image");
    }
    int[] labels = new int[w * h];
    for (int y = 0; y < h; y++) {
      int row = y * s.rows() / h;
      for (int x = 0; x < w; x++) {
        labels[y * w + x] = row * s.columns() + x * s.columns() / w;
      }
    }
    return new Segments(w, h, s.rows() * s.columns(), labels);
  }

  private static RgbImage censor(RgbImage image, Segments seg, int cell, Censor censor) {
    float[] planes = image.planes();
    float[] fill = fill(image, censor);
    int n = image.width() * image.height();
    int[] labels = seg.labels();
    for (int i = 0; i < n; i++) {
      if (labels[i] == cell) {
        for (int c = 0; c < 3; c++) {
          planes[c * n + i] = fill[c];
        }
      }
    }
    return RgbImage.ofPlanes(image.width(), image.height(), planes);
  }

  private static RgbImage censorAll(RgbImage image, Censor censor) {
    float[] fill = fill(image, censor);
    int n = image.width() * image.height();
    float[] planes = new float[3 * n];
    for (int c = 0; c < 3; c++) {
      java.util.Arrays.fill(planes, c * n, (c + 1) * n, fill[c]);
    }
    return RgbImage.ofPlanes(image.width(), image.height(), planes);
  }

  private static float[] fill(RgbImage image, Censor censor) {
    if (censor.kind() == Censor.Kind.CONSTANT) {
      return new float[] {(float) censor.red(), (float) censor.green(), (float) censor.blue()};
    }
    float[] planes = image.planes();
    int n = image.width() * image.height();
    float[] mean = new float[3];
    for (int c = 0; c < 3; c++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += planes[c * n + i];
      }
      mean[c] = (float) Math.min(1.0, Math.max(0.0, s / n));
    }
    return mean;
  }
}
