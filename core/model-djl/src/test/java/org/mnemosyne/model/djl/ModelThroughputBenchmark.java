package org.mnemosyne.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.model.djl.ModelSettings.Engine;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;

/**
 * Model throughput on this machine, against its physical limit measured in the same run.
 *
 * <ul>
 *   <li>peak: fp32 matrix multiply (1024^3, PyTorch/oneDNN), 1 thread and 2 threads in parallel;
 *   <li>raw: images/s from prepared tensors, per engine, batch 1/8/32, 1-2 predictors;
 *   <li>end to end: images/s from JPEG files (read, decode, resize, normalise, infer, normalise the
 *       vector) with 1-2 worker threads, each borrowing a predictor per image.
 * </ul>
 *
 * Usage: {@code ModelThroughputBenchmark <shared dir> [seconds per configuration]}. Not a test.
 */
public final class ModelThroughputBenchmark {
  private static final double GFLOP_PER_IMAGE = 0.73; // with class_maps, from the model README

  private ModelThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
    Path modelDir = shared.resolve("data/models/mobilenet_v2_1.0_224");
    System.setProperty("ai.djl.pytorch.num_threads", "1");
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    System.out.printf(
        "cores: %d, seconds per configuration: %.1f%n",
        Runtime.getRuntime().availableProcessors(), seconds);

    double peak1 = matmulPeak(1, seconds);
    double peak2 = matmulPeak(2, seconds);
    System.out.printf(
        "fp32 matmul peak: 1 thread %.1f GFLOP/s, 2 threads %.1f GFLOP/s%n", peak1, peak2);
    System.out.printf(
        "physical limit for this graph (%.2f GFLOP/image): %.0f images/s on 2 threads%n",
        GFLOP_PER_IMAGE, peak2 / GFLOP_PER_IMAGE);

    double bestRaw = 0;
    System.out.println();
    System.out.println("engine       batch predictors intra  images/s  ms/image  % of limit");
    for (Engine engine : Engine.values()) {
      for (int predictors : new int[] {1, 2}) {
        for (int batch : new int[] {1, 8, 32}) {
          double ips = raw(modelDir, engine, predictors, 1, batch, seconds);
          bestRaw = Math.max(bestRaw, engine == Engine.ONNX ? ips : 0);
          row(engine, batch, predictors, 1, ips, peak2);
        }
      }
      row(engine, 1, 1, 2, raw(modelDir, engine, 1, 2, 1, seconds), peak2);
    }

    List<byte[]> jpegs = new ArrayList<>();
    try (Stream<Path> files = Files.list(shared.resolve("data/art/images"))) {
      for (Path f : (Iterable<Path>) files.sorted().limit(200)::iterator) {
        jpegs.add(Files.readAllBytes(f));
      }
    }
    inputPath(jpegs, seconds);
    System.out.println();
    System.out.println("end to end from JPEG (art collection, 200 files, ONNX Runtime, batch 1):");
    double bestE2e = 0;
    for (int workers : new int[] {1, 2}) {
      double ips = endToEnd(modelDir, jpegs, workers, seconds);
      bestE2e = Math.max(bestE2e, ips);
      System.out.printf("  %d worker(s) x 1 predictor each: %.1f images/s%n", workers, ips);
    }
    System.out.printf(
        "%nbest raw ONNX %.1f images/s = %.0f %% of the physical limit%n",
        bestRaw, 100 * bestRaw * GFLOP_PER_IMAGE / peak2);
    System.out.printf(
        "best end to end %.1f images/s = %.0f %% of best raw%n", bestE2e, 100 * bestE2e / bestRaw);
  }

  /**
   * The input path alone on one thread (CPU time, best of several passes over the files): decode,
   * resize to 224x224 (the whole image), and the model's copy into its normalised input.
   */
  static void inputPath(List<byte[]> jpegs, double seconds) {
    ImageDecoder decoder = new ImageDecoder();
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    List<java.awt.image.BufferedImage> decoded = new ArrayList<>();
    for (byte[] jpeg : jpegs) {
      decoded.add(decoder.decode(jpeg, 224, 224));
    }
    double decode = Double.MAX_VALUE;
    double resize = Double.MAX_VALUE;
    double copy = Double.MAX_VALUE;
    float[] tensor = new float[3 * 224 * 224];
    long end = System.nanoTime() + (long) (seconds * 1e9);
    for (int pass = 0; pass < 3 || System.nanoTime() < end; pass++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      for (byte[] jpeg : jpegs) {
        decoder.decode(jpeg, 224, 224);
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      List<RgbImage> resized = new ArrayList<>();
      for (java.awt.image.BufferedImage img : decoded) {
        resized.add(ImageResizer.toRgb(img, 224, 224));
      }
      long t2 = cpu.getCurrentThreadCpuTime();
      for (RgbImage img : resized) {
        img.copyPlanesTo(tensor, 0);
        for (int j = 0; j < tensor.length; j++) {
          tensor[j] = tensor[j] * 2f - 1f;
        }
      }
      long t3 = cpu.getCurrentThreadCpuTime();
      decode = Math.min(decode, (t1 - t0) / 1e6 / jpegs.size());
      resize = Math.min(resize, (t2 - t1) / 1e6 / jpegs.size());
      copy = Math.min(copy, (t3 - t2) / 1e6 / jpegs.size());
    }
    System.out.println();
    System.out.printf(
        "input path, one thread, ms per art JPEG (best pass): decode %.2f, resize %.2f (%s row"
            + " kernel), normalise into the tensor %.2f%n",
        decode, resize, ImageResizer.rowKernel(), copy);
  }

  private static void row(
      Engine e, int batch, int predictors, int intra, double ips, double peak2) {
    System.out.printf(
        "%-12s %5d %10d %5d %9.1f %9.2f %10.0f%n",
        e.djlName,
        batch,
        predictors,
        intra,
        ips,
        1000.0 / ips * predictors,
        100 * ips * GFLOP_PER_IMAGE / peak2);
  }

  /** GFLOP/s of {@code threads} parallel single-threaded 1024x1024x1024 matrix multiplies. */
  static double matmulPeak(int threads, double seconds) throws Exception {
    int n = 1024;
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread w =
          new Thread(
              () -> {
                try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                  NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
                  NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
                  a.matMul(b).close(); // warm-up
                  while (System.nanoTime() < end) {
                    try (NDArray c = a.matMul(b)) {
                      c.getFloat(0, 0); // force completion
                    }
                    done.incrementAndGet();
                  }
                }
              });
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return done.get() * 2.0 * n * n * n / elapsed / 1e9;
  }

  static double raw(Path dir, Engine engine, int predictors, int intra, int batch, double seconds)
      throws Exception {
    try (DjlEmbeddingModel model =
        DjlEmbeddingModel.open(ModelSettings.of(dir, engine, "cpu", predictors, intra))) {
      float[] data = new float[batch * 3 * 224 * 224];
      Random rnd = new Random(1);
      for (int i = 0; i < data.length; i++) {
        data[i] = rnd.nextFloat() * 2 - 1;
      }
      ModelBatch input = new ModelBatch(batch, data, 224, EnumSet.of(ModelOutput.Kind.EMBEDDING));
      model.run(input); // warm-up
      return parallel(
          predictors,
          seconds,
          () -> {
            model.run(input);
            return batch;
          });
    }
  }

  static double endToEnd(Path dir, List<byte[]> jpegs, int workers, double seconds)
      throws Exception {
    ImageDecoder decoder = new ImageDecoder();
    try (DjlEmbeddingModel model =
        DjlEmbeddingModel.open(ModelSettings.of(dir, Engine.ONNX, "cpu", workers, 1))) {
      AtomicLong next = new AtomicLong();
      return parallel(
          workers,
          seconds,
          () -> {
            byte[] jpeg = jpegs.get((int) (next.getAndIncrement() % jpegs.size()));
            RgbImage img = ImageResizer.toRgb(decoder.decode(jpeg, 224, 224), 224, 224);
            model.embed(List.of(img));
            return 1;
          });
    }
  }

  interface Work {
    int run() throws Exception;
  }

  /** Items/s of {@code threads} threads doing {@code work} for {@code seconds}. */
  static double parallel(int threads, double seconds, Work work) throws Exception {
    AtomicLong items = new AtomicLong();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    List<Thread> ts = new ArrayList<>();
    List<Exception> errors = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < end) {
                    items.addAndGet(work.run());
                  }
                } catch (Exception e) {
                  synchronized (errors) {
                    errors.add(e);
                  }
                }
              });
      ts.add(th);
      th.start();
    }
    for (Thread th : ts) {
      th.join();
    }
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
    return items.get() / ((System.nanoTime() - start) / 1e9);
  }
}
