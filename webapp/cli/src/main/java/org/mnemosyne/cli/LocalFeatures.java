package org.mnemosyne.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.FeatureMap;
import org.mnemosyne.api.model.ModelInfo;
import org.mnemosyne.index.bench.BenchCollection;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;

/**
 * The realistic benchmark data of {@code mnemosyne index bench --dataset realistic} (issue 5, data
 * set (b)): the model's local features — every spatial cell of its {@code features} map (7 × 7 ×
 * 1280 for the shipped MobileNetV2), L2-normalised — of every sample image (art, photos, clipart)
 * under several views (crops and scales, each resized to the model's input as the import does).
 * Each vector carries its source item's facets: {@code collection}, {@code culture}, {@code medium}
 * (medium_class), {@code period} (period_group), {@code subject} (first of subjects.csv), {@code
 * item} (the image id) and {@code view}, so conditions correlate with content. Queries are the
 * local features of one more, held-out view, drawn at random.
 */
final class LocalFeatures {
  /**
   * A view: the crop of {@code scale} × the image's width and height centred at ({@code cx}, {@code
   * cy}) in relative coordinates (clamped inside the image).
   */
  record View(String name, double cx, double cy, double scale) {}

  /** The collection's views, in order; a run with {@code v} views uses the first {@code v}. */
  static final List<View> VIEWS =
      List.of(
          new View("full", 0.5, 0.5, 1.0),
          new View("centre-0.7", 0.5, 0.5, 0.7),
          new View("top-left-0.6", 0.3, 0.3, 0.6),
          new View("bottom-right-0.6", 0.7, 0.7, 0.6),
          new View("top-right-0.6", 0.7, 0.3, 0.6),
          new View("bottom-left-0.6", 0.3, 0.7, 0.6),
          new View("centre-0.5", 0.5, 0.5, 0.5),
          new View("top-0.8", 0.5, 0.4, 0.8));

  /** The held-out view the queries come from. */
  static final View QUERY_VIEW = new View("query-0.85", 0.45, 0.55, 0.85);

  static final List<String> COLLECTIONS = List.of("art", "photos", "clipart");
  private static final String[] FIELDS = {
    "collection", "culture", "medium", "period", "subject", "item", "view"
  };
  private static final int BATCH = 8;

  private LocalFeatures() {}

  /**
   * The collection and queries.
   *
   * @param collection the local features of the first {@code views} views
   * @param queries the query vectors (from the held-out view)
   */
  record Data(BenchCollection collection, List<float[]> queries) {}

  /** One sample image and its facets. */
  private record Source(Path file, String[] facets) {}

  /** Extracts the features with the model (two inferences in parallel). */
  static Data extract(Path data, EmbeddingModel model, int views, int queryCount, PrintStream log)
      throws IOException {
    if (views < 1 || views > VIEWS.size()) {
      throw new IllegalArgumentException("views must be between 1 and " + VIEWS.size());
    }
    ModelInfo info = model.info();
    List<Source> sources = sources(data);
    List<View> chosen = new ArrayList<>(VIEWS.subList(0, views));
    chosen.add(QUERY_VIEW);
    ImageDecoder decoder = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS);
    long start = System.nanoTime();
    FeatureMap probe =
        model
            .featureMaps(
                List.of(
                    ImageResizer.toRgb(
                        decoder.decode(sources.get(0).file()),
                        info.inputWidth(),
                        info.inputHeight())))
            .get(0);
    int c = probe.channels();
    int cellsPerImage = probe.height() * probe.width();
    int s = sources.size();
    float[] vectors = new float[Math.multiplyExact(views * s * cellsPerImage, c)];
    float[] held = new float[s * cellsPerImage * c];
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int from = 0; from < s; from += BATCH) {
        int lo = from;
        int hi = Math.min(s, from + BATCH);
        jobs.add(
            pool.submit(
                () -> {
                  List<RgbImage> images = new ArrayList<>();
                  for (int i = lo; i < hi; i++) {
                    BufferedImage img = decoder.decode(sources.get(i).file());
                    for (View v : chosen) {
                      images.add(
                          ImageResizer.toRgb(crop(img, v), info.inputWidth(), info.inputHeight()));
                    }
                  }
                  List<FeatureMap> maps = model.featureMaps(images);
                  for (int i = lo; i < hi; i++) {
                    for (int v = 0; v < chosen.size(); v++) {
                      FeatureMap m = maps.get((i - lo) * chosen.size() + v);
                      if (v < views) {
                        cells(m, vectors, ((v * s) + i) * cellsPerImage);
                      } else {
                        cells(m, held, i * cellsPerImage);
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : jobs) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("feature extraction failed: " + e.getCause(), e);
    } finally {
      pool.shutdownNow();
    }
    log.printf(
        Locale.ROOT,
        "extracted %d x %d local features (%d x %d x %d per view) of %d images x %d views in"
            + " %.1f s%n",
        views * s * cellsPerImage,
        c,
        c,
        probe.height(),
        probe.width(),
        s,
        chosen.size(),
        (System.nanoTime() - start) / 1e9);
    List<String[]> names = new ArrayList<>();
    int n = views * s * cellsPerImage;
    for (int f = 0; f < FIELDS.length; f++) {
      String[] col = new String[n];
      for (int i = 0; i < n; i++) {
        int source = (i / cellsPerImage) % s;
        int view = i / (cellsPerImage * s);
        col[i] = f == FIELDS.length - 1 ? VIEWS.get(view).name() : sources.get(source).facets()[f];
      }
      names.add(col);
    }
    BenchCollection collection =
        BenchCollection.ofNames(info.id() + "-local", c, vectors, FIELDS, names);
    java.util.Random rnd = new java.util.Random(11);
    List<float[]> queries = new ArrayList<>();
    for (int q = 0; q < queryCount; q++) {
      int at = rnd.nextInt(s * cellsPerImage);
      queries.add(java.util.Arrays.copyOfRange(held, at * c, at * c + c));
    }
    return new Data(collection, queries);
  }

  /** Writes the map's cells as L2-normalised vectors (cell order y, x) from {@code row}. */
  private static void cells(FeatureMap m, float[] out, int row) {
    int c = m.channels();
    int hw = m.height() * m.width();
    float[] v = m.values();
    for (int cell = 0; cell < hw; cell++) {
      int base = (row + cell) * c;
      double norm = 0;
      for (int ch = 0; ch < c; ch++) {
        float x = v[ch * hw + cell];
        out[base + ch] = x;
        norm += (double) x * x;
      }
      float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
      if (norm == 0) {
        // A dead cell (all zero after ReLU): a fixed unit vector keeps every item unit-length.
        out[base] = 1f;
        continue;
      }
      for (int ch = 0; ch < c; ch++) {
        out[base + ch] *= inv;
      }
    }
  }

  private static BufferedImage crop(BufferedImage img, View v) {
    int w = img.getWidth();
    int h = img.getHeight();
    int cw = Math.max(1, (int) Math.round(w * v.scale()));
    int ch = Math.max(1, (int) Math.round(h * v.scale()));
    int x = (int) Math.round(v.cx() * w - cw / 2.0);
    int y = (int) Math.round(v.cy() * h - ch / 2.0);
    x = Math.max(0, Math.min(w - cw, x));
    y = Math.max(0, Math.min(h - ch, y));
    return cw == w && ch == h ? img : img.getSubimage(x, y, cw, ch);
  }

  /** The sample images in collection order, with their facets in {@link #FIELDS} order. */
  private static List<Source> sources(Path data) throws IOException {
    List<Source> out = new ArrayList<>();
    for (String collection : COLLECTIONS) {
      Path folder = data.resolve(collection);
      Map<String, String> subjects = new LinkedHashMap<>();
      if (Files.isRegularFile(folder.resolve("subjects.csv"))) {
        for (Map<String, String> r :
            FolderSamples.table(folder.resolve("subjects.csv"), "id", "subject")) {
          subjects.put(r.get("id"), r.get("subject"));
        }
      }
      for (Map<String, String> r :
          FolderSamples.table(folder.resolve("metadata.csv"), "id", "file")) {
        out.add(
            new Source(
                folder.resolve(r.get("file")),
                new String[] {
                  collection,
                  orNone(r.get("culture")),
                  orNone(r.get("medium_class")),
                  orNone(r.get("period_group")),
                  orNone(subjects.get(r.get("id"))),
                  r.get("id")
                }));
      }
    }
    return out;
  }

  private static String orNone(String v) {
    if (v == null || v.isBlank()) {
      return "none";
    }
    String first = v.split(";")[0].strip();
    return first.replace(' ', '_');
  }
}
