package org.mnemosyne.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.SegmentAttribution;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.EmbeddingModelProvider;
import org.mnemosyne.runtime.config.ConfigKey;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.image.ImageDecoder;
import org.mnemosyne.runtime.image.ImageResizer;
import org.mnemosyne.runtime.model.EmbeddingSimilarity;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import org.mnemosyne.runtime.render.ExplanationJson;
import org.mnemosyne.runtime.render.HeatmapRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mnemosyne explain}: why are two images similar under the model? Runs any registered
 * explainer (built-in or plugin) on the cosine of the model's embeddings and prints the maps.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain the similarity of two images with a registered explainer.")
final class ExplainCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--explainer", required = true, description = "Explainer name (see plugins).")
  String explainerName;

  @Option(names = "--query", required = true, description = "Query image file.")
  Path query;

  @Option(names = "--target", required = true, description = "Target image file.")
  Path target;

  @Option(
      names = "--grid",
      defaultValue = "4x4",
      description = "Grid segmentation ROWSxCOLUMNS (default ${DEFAULT-VALUE}).")
  String grid;

  @Option(
      names = "--censor",
      defaultValue = "mean",
      description = "mean, blur or constant (black) (default ${DEFAULT-VALUE}).")
  String censor;

  @Option(
      names = "--budget",
      defaultValue = "2048",
      description = "Maximum model evaluations (default ${DEFAULT-VALUE}).")
  int budget;

  @Option(
      names = "--out",
      description =
          "Directory for explanation.json and PNG overlays (query.png, target.png,"
              + " joint.png).")
  Path out;

  @Option(
      names = "--order",
      defaultValue = "first",
      description = "first or joint (default ${DEFAULT-VALUE}).")
  String order;

  @Option(names = "--side", description = "query, target (repeatable; default both).", split = ",")
  Set<Side> sides;

  @Override
  public Integer call() throws Exception {
    MnemosyneConfig config = common.config();
    PluginRegistry registry =
        PluginRegistry.load(ExplainCommand.class.getClassLoader(), config, DataLayout.from(config));
    ExplainerProvider explainerProvider = registry.require(ExplainerProvider.class, explainerName);
    EmbeddingModelProvider modelProvider =
        registry.require(EmbeddingModelProvider.class, config.get(ConfigKey.MODEL_PROVIDER, "djl"));
    ExplanationParameters parameters =
        ExplanationParameters.defaults()
            .withSegmentation(parseGrid(grid))
            .withCensor(parseCensor(censor))
            .withBudget(budget)
            .withSides(sides == null || sides.isEmpty() ? EnumSet.allOf(Side.class) : sides)
            .withOrder(parseOrder(order));
    try (EmbeddingModel model = modelProvider.open(registry.contextFor(modelProvider))) {
      int w = model.info().inputWidth();
      int h = model.info().inputHeight();
      Explainer explainer = explainerProvider.create(registry.contextFor(explainerProvider));
      RgbImage q = read(query, w, h);
      RgbImage t = read(target, w, h);
      Explanation e =
          explainer.explain(
              ExplanationRequest.builder(q, t, new EmbeddingSimilarity(model))
                  .parameters(parameters)
                  .build());
      print(e, parameters.segmentation());
      if (out != null) {
        write(e, q, t);
      }
    }
    return 0;
  }

  private static RgbImage read(Path file, int w, int h) throws java.io.IOException {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read image file " + file);
    }
    return ImageResizer.toRgb(new ImageDecoder().decode(Files.readAllBytes(file)), w, h);
  }

  static Segmentation parseGrid(String text) {
    String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
    try {
      if (parts.length == 2) {
        return Segmentation.grid(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (IllegalArgumentException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("--grid must look like 4x4, not '" + text + "'");
  }

  static Order parseOrder(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "first" -> Order.FIRST;
      case "joint", "second" -> Order.JOINT;
      default ->
          throw new IllegalArgumentException("--order must be first or joint, not '" + text + "'");
    };
  }

  private void write(Explanation e, RgbImage q, RgbImage t) throws java.io.IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("explanation.json"), ExplanationJson.write(e));
    PrintWriter pw = spec.commandLine().getOut();
    for (var m : e.maps().entrySet()) {
      Path png = out.resolve(m.getKey().name().toLowerCase(java.util.Locale.ROOT) + ".png");
      ImageIO.write(
          HeatmapRenderer.overlay(m.getKey() == Side.QUERY ? q : t, m.getValue(), 0.6),
          "png",
          png.toFile());
      pw.println("wrote " + png);
    }
    if (e.joint().isPresent()) {
      Path png = out.resolve("joint.png");
      ImageIO.write(HeatmapRenderer.correspondence(q, t, e.joint().get(), 12), "png", png.toFile());
      pw.println("wrote " + png);
    }
    pw.println("wrote " + out.resolve("explanation.json"));
    pw.flush();
  }

  static Censor parseCensor(String text) {
    return switch (text) {
      case "mean" -> Censor.mean();
      case "blur" -> Censor.blur(8);
      case "constant" -> Censor.constant(0, 0, 0);
      default ->
          throw new IllegalArgumentException(
              "--censor must be mean, blur or constant, not '" + text + "'");
    };
  }

  private void print(Explanation e, Segmentation s) {
    PrintWriter pw = spec.commandLine().getOut();
    pw.printf(
        "explainer %s %s, similarity %s%n", e.explainer(), e.explainerVersion(), e.similarityId());
    pw.printf(
        "v(N) = %.6f  v(empty) = %.6f  evaluations = %d  wall time = %d ms%n",
        e.fullValue(), e.baseValue(), e.evaluations(), e.wallTime().toMillis());
    for (var entry : e.maps().entrySet()) {
      pw.println(entry.getKey().name().toLowerCase(java.util.Locale.ROOT) + " map:");
      SegmentAttribution a = entry.getValue();
      double[] v = a.values();
      if (s.kind() == Segmentation.Kind.GRID && v.length == s.rows() * s.columns()) {
        for (int r = 0; r < s.rows(); r++) {
          StringBuilder line = new StringBuilder("  ");
          for (int c = 0; c < s.columns(); c++) {
            line.append(String.format("%+.4f ", v[r * s.columns() + c]));
          }
          pw.println(line.toString().stripTrailing());
        }
      } else {
        pw.println("  " + java.util.Arrays.toString(v));
      }
    }
    pw.flush();
  }
}
