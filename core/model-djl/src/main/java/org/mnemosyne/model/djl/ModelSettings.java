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
 * @param modelFile the ONNX file
 * @param modelId the model id (the directory name)
 * @param device requested device: auto, cpu or gpu
 * @param predictors number of pooled predictors
 */
record ModelSettings(Path modelDir, Path modelFile, String modelId, String device, int predictors) {

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
    String engine = context.config("mnemosyne.model.engine").orElse("onnx");
    if (!engine.equals("onnx")) {
      throw new PluginException(
          "model engine '"
              + engine
              + "' is not available in this build; use mnemosyne.model.engine=onnx");
    }
    String device =
        context.config("mnemosyne.model.device").orElse("auto").toLowerCase(Locale.ROOT);
    if (!device.matches("auto|cpu|gpu")) {
      throw new PluginException(
          "mnemosyne.model.device must be auto, cpu or gpu, not '" + device + "'");
    }
    int predictors =
        Integer.parseInt(
            context
                .config("mnemosyne.model.predictors")
                .orElse(String.valueOf(Runtime.getRuntime().availableProcessors())));
    return of(dir, device, predictors);
  }

  static ModelSettings of(Path dir, String device, int predictors) {
    if (!Files.isDirectory(dir)) {
      throw new PluginException(
          "model directory "
              + dir
              + " does not exist; set mnemosyne.model.dir to a folder with an .onnx model");
    }
    Path file;
    try (var files = Files.list(dir)) {
      file =
          files
              .filter(p -> p.getFileName().toString().endsWith(".onnx"))
              .sorted()
              .findFirst()
              .orElseThrow(() -> new PluginException("no .onnx file in model directory " + dir));
    } catch (java.io.IOException e) {
      throw new PluginException("cannot list model directory " + dir + ": " + e, e);
    }
    if (predictors < 1) {
      throw new PluginException("mnemosyne.model.predictors must be at least 1");
    }
    return new ModelSettings(dir, file, dir.getFileName().toString(), device, predictors);
  }
}
