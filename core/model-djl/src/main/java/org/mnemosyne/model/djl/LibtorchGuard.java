package org.mnemosyne.model.djl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mnemosyne.api.plugin.PluginException;

/**
 * Refuses a libtorch that DJL's PyTorch JNI was not built for, before DJL loads it: with a
 * mismatched libtorch (e.g. a Python torch 2.11 pointed at by {@code PYTORCH_LIBRARY_PATH}) the JNI
 * library loads lazily and the JVM dies with SIGSEGV at the first model load — no exception, no
 * message (seen on an H100 with torch 2.11 and DJL 0.36.0, built for 2.7.1). The version comes from
 * {@code PYTORCH_VERSION} or, for a pip-installed torch, from {@code version.py} beside its {@code
 * lib} folder.
 */
final class LibtorchGuard {
  private static final Pattern PY_VERSION =
      Pattern.compile("__version__\\s*=\\s*['\"]([0-9]+\\.[0-9]+\\.[0-9]+)");

  private LibtorchGuard() {}

  /** The libtorch version DJL's PyTorch engine on the class path was built for, if known. */
  static Optional<String> supportedVersion() {
    try (InputStream in =
        LibtorchGuard.class.getClassLoader().getResourceAsStream("pytorch-engine.properties")) {
      if (in == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      p.load(in);
      return Optional.ofNullable(p.getProperty("pytorch_version"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Checks the environment's libtorch against the supported version.
   *
   * @throws PluginException naming both versions and what to do, if they differ
   */
  static void check(Map<String, String> env, Optional<String> supported) {
    if (supported.isEmpty()) {
      return;
    }
    Optional<String> found = Optional.ofNullable(env.get("PYTORCH_VERSION")).map(String::trim);
    String libPath = env.get("PYTORCH_LIBRARY_PATH");
    if (found.isEmpty() && libPath != null && !libPath.isBlank()) {
      found = pipVersion(Path.of(libPath.trim()));
    }
    if (found.isPresent() && !found.get().isEmpty() && !found.get().equals(supported.get())) {
      throw new PluginException(
          "libtorch "
              + found.get()
              + (libPath == null ? "" : " at " + libPath)
              + " does not match the PyTorch engine on the class path, built for libtorch "
              + supported.get()
              + ": loading it would crash the JVM. Point PYTORCH_LIBRARY_PATH at libtorch "
              + supported.get()
              + " (CPU or CUDA build) or use mnemosyne.model.engine=onnx");
    }
  }

  private static Optional<String> pipVersion(Path lib) {
    Path version = lib.toAbsolutePath().normalize().getParent();
    if (version == null) {
      return Optional.empty();
    }
    Path file = version.resolve("version.py");
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      Matcher m = PY_VERSION.matcher(Files.readString(file));
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
