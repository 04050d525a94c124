package org.mnemosyne.model.djl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.model.djl.ModelSettings.Engine;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;

/**
 * Soak: 10,000 embed calls (plus a feature-map call every 100) on one model, printing the process's
 * resident memory every 1,000 calls. Flat RSS means no native leak. Usage: {@code
 * ModelSoakBenchmark <shared dir> [calls]}. Not a test.
 */
public final class ModelSoakBenchmark {
  private ModelSoakBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    byte[] jpeg = Files.readAllBytes(shared.resolve("data/testimages/parrot.jpg"));
    RgbImage img = ImageResizer.toRgb(new ImageDecoder().decode(jpeg), 224, 224);
    try (DjlEmbeddingModel model =
        DjlEmbeddingModel.open(
            ModelSettings.of(
                shared.resolve("data/models/mobilenet_v2_1.0_224"), Engine.ONNX, "cpu", 2))) {
      long start = System.nanoTime();
      System.out.printf("calls      RSS(MB)  managed arrays%n");
      for (int i = 1; i <= calls; i++) {
        model.embed(List.of(img));
        if (i % 100 == 0) {
          model.featureMaps(List.of(img));
        }
        if (i % 1000 == 0) {
          System.out.printf(
              "%6d %10d %10d%n",
              i, rssMb(), model.djlModel().getNDManager().getManagedArrays().size());
        }
      }
      System.out.printf("%d calls in %.1f s%n", calls, (System.nanoTime() - start) / 1e9);
    }
  }

  static long rssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }
}
