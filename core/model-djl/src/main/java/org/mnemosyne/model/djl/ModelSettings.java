package org.mnemosyne.model.djl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.plugin.PluginException;

/**
 * Validated settings of the DJL model.
 *
 * @param modelDir directory with the model file
 * @param modelFile the model file ({@code .onnx} for ONNX Runtime, {@code .pt} for TorchScript)
 * @param modelId the model id (the directory name)
 * @param engine {@link Engine} to run it
 * @param device requested device: auto, cpu or gpu
 * @param predictors number of pooled predictors (parallel inferences)
 * @param intraOpThreads threads inside one inference
 */
record ModelSettings(
    Path modelDir,
    Path modelFile,
    String modelId,
    Engine engine,
    String device,
    int predictors,
    int intraOpThreads) {

  /** The supported engines, with the DJL engine name and the model file extension. */
  enum Engine {
    /** ONNX Runtime (CPU build shipped): the default. */
    ONNX("OnnxRuntime", ".onnx"),
    /** PyTorch with a TorchScript model: optional, and the GPU path. */
    PYTORCH("PyTorch", ".pt");

    final String djlName;
    final String extension;

    Engine(String djlName, String extension) {
      this.djlName = djlName;
      this.extension = extension;
    }

    static Engine parse(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "onnx", "onnxruntime" -> ONNX;
        case "pytorch", "torchscript" -> PYTORCH;
        default ->
            throw new PluginException(
                "mnemosyne.model.engine must be onnx or pytorch, not '" + text + "'");
      };
    }
  }

  static ModelSettings from(PluginContext context) {
    Path dir =
        context
            .config("mnemosyne.model.dir")
            .map(Path::of)
            .orElseGet(
                () ->
                    context
                        .sharedDataDirectory()
                        .resolve("models")
                        .resolve("mobilenet_v2_1.0_224"));
    Engine engine = Engine.parse(context.config("mnemosyne.model.engine").orElse("onnx"));
    String device = context.config("mnemosyne.model.device").orElse("auto");
    int cores = Runtime.getRuntime().availableProcessors();
    return of(
        dir,
        engine,
        device,
        integer(context, "mnemosyne.model.predictors", cores),
        integer(context, "mnemosyne.model.intra-op-threads", 1));
  }

  private static int integer(PluginContext context, String key, int defaultValue) {
    String v = context.config(key).orElse(String.valueOf(defaultValue));
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new PluginException(key + " must be an integer, not '" + v + "'");
    }
  }

  /** Settings with one intra-op thread per predictor. */
  static ModelSettings of(Path dir, Engine engine, String device, int predictors) {
    return of(dir, engine, device, predictors, 1);
  }

  static ModelSettings of(
      Path dir, Engine engine, String device, int predictors, int intraOpThreads) {
    String d = device.toLowerCase(Locale.ROOT);
    if (!d.matches("auto|cpu|gpu")) {
      throw new PluginException(
          "mnemosyne.model.device must be auto, cpu or gpu, not '" + device + "'");
    }
    if (predictors < 1 || intraOpThreads < 1) {
      throw new PluginException(
          "mnemosyne.model.predictors and mnemosyne.model.intra-op-threads must be at least 1");
    }
    if (!Files.isDirectory(dir)) {
      throw new PluginException(
          "model directory "
              + dir
              + " does not exist; set mnemosyne.model.dir to a folder with a "
              + engine.extension
              + " model");
    }
    Path file;
    try (var files = Files.list(dir)) {
      file =
          files
              .filter(p -> p.getFileName().toString().endsWith(engine.extension))
              .sorted()
              .findFirst()
              .orElseThrow(
                  () ->
                      new PluginException(
                          "no " + engine.extension + " file in model directory " + dir));
    } catch (java.io.IOException e) {
      throw new PluginException("cannot list model directory " + dir + ": " + e, e);
    }
    return new ModelSettings(
        dir, file, dir.getFileName().toString(), engine, d, predictors, intraOpThreads);
  }

  /** The model file's name without its extension (what DJL's {@code Model.load} wants). */
  String modelName() {
    String name = modelFile.getFileName().toString();
    return name.substring(0, name.length() - engine.extension.length());
  }
}
