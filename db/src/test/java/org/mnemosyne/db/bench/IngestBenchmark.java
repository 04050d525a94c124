package org.mnemosyne.db.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.db.catalog.Slug;
import org.mnemosyne.db.ingest.ImportListener;
import org.mnemosyne.db.ingest.ImportRequest;
import org.mnemosyne.db.ingest.ImportService;
import org.mnemosyne.db.ingest.ImportSettings;
import org.mnemosyne.db.ingest.ImportSummary;
import org.mnemosyne.db.ingest.StageTimings;
import org.mnemosyne.db.testing.TestDatabase;
import org.mnemosyne.db.testing.TestModel;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;

/**
 * Ingest throughput of the sample collections into a real (embedded) PostgreSQL with the real
 * model, and where the time goes (read, decode + resize, model, database). The baseline, measured
 * in the same process on the same images, is the model alone: images already decoded and resized,
 * embedded in the same batches of 32. The ratio says how close the whole pipeline gets to the
 * model's own speed. Then a re-import of the unchanged collections (a no-op) is timed.
 *
 * <p>Run: {@code IngestBenchmark <shared dir>} (see docs/BENCHMARKS.md).
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      System.setProperty("mnemosyne.shared.dir", args[0]);
    }
    Path data = TestModel.DATA;
    EmbeddingModel model = TestModel.model();
    System.out.printf(
        "model %s %s, %s on %s; %d cores%n",
        model.info().id(),
        model.info().version(),
        model.info().engine(),
        model.info().device(),
        Runtime.getRuntime().availableProcessors());

    double baseline = modelAlone(model, data.resolve("art/images"), 200);
    System.out.printf(
        "baseline, model alone (art, 200 decoded images, batches of 32): %.1f images/s%n%n",
        baseline);

    DataSource ds = TestDatabase.fresh();
    ImportService service =
        new ImportService(ds, TestModel.registry(), model, ImportSettings.defaults());
    System.out.println(
        "collection  items  seconds  items/s  vs model  read  decode  model  database");
    long totalItems = 0;
    double totalSeconds = 0;
    StageTimings[] all = new StageTimings[3];
    int i = 0;
    for (String name : List.of("art", "photos", "clipart")) {
      ImportSummary s = run(service, data, name);
      print(name, s, baseline);
      totalItems += s.counts().created();
      totalSeconds += s.elapsed().toNanos() / 1e9;
      all[i++] = s.timings();
    }
    System.out.printf(
        "all         %5d  %7.1f  %7.1f  %7.0f %%%n%n",
        totalItems,
        totalSeconds,
        totalItems / totalSeconds,
        100 * totalItems / totalSeconds / baseline);

    System.out.println(
        "re-import of the unchanged collections (no-op: hash and compare, nothing embedded)");
    for (String name : List.of("art", "photos", "clipart")) {
      ImportSummary s = run(service, data, name);
      double sec = s.elapsed().toNanos() / 1e9;
      System.out.printf(
          "%-10s  %5d unchanged, %d embedded  %.1f s  %.0f items/s%n",
          name, s.counts().unchanged(), s.embeddedThisAttempt(), sec, s.counts().processed() / sec);
    }
    System.exit(0);
  }

  private static ImportSummary run(ImportService service, Path data, String name) {
    ImportRequest r =
        ImportRequest.builder(
                new Slug("bench"),
                new Slug(name),
                new ImportSource(data.resolve(name).toUri(), Map.of()))
            .build();
    ImportSummary s = service.run(r, ImportListener.NONE, CancellationToken.NONE);
    if (!s.state().dbValue().equals("succeeded")) {
      throw new IllegalStateException(name + ": " + s.error().orElse(s.state().toString()));
    }
    return s;
  }

  private static void print(String name, ImportSummary s, double baseline) {
    StageTimings t = s.timings();
    double total = s.elapsed().toNanos() / 1e9;
    double rate = s.counts().created() / total;
    System.out.printf(
        "%-10s  %5d  %7.1f  %7.1f  %7.0f %%  %3.0f %%  %4.0f %%  %4.0f %%  %6.0f %%%n",
        name,
        s.counts().created(),
        total,
        rate,
        100 * rate / baseline,
        share(t.read().toNanos(), total),
        share(t.decode().toNanos(), total),
        share(t.model().toNanos(), total),
        share(t.database().toNanos(), total));
  }

  private static double share(long nanos, double totalSeconds) {
    return 100 * nanos / 1e9 / totalSeconds;
  }

  /** Images per second of the model alone on decoded, resized images in batches of 32. */
  private static double modelAlone(EmbeddingModel model, Path images, int n) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(images)) {
      files = s.sorted().limit(n).toList();
    }
    ImageDecoder decoder = new ImageDecoder();
    List<RgbImage> inputs = new ArrayList<>();
    for (Path f : files) {
      inputs.add(ImageResizer.toRgb(decoder.decode(Files.readAllBytes(f), 224, 224), 224, 224));
    }
    model.embed(inputs.subList(0, 32)); // warm up
    long start = System.nanoTime();
    for (int i = 0; i < inputs.size(); i += 32) {
      model.embed(inputs.subList(i, Math.min(inputs.size(), i + 32)));
    }
    return inputs.size() / ((System.nanoTime() - start) / 1e9);
  }
}
