package org.mnemosyne.index.engine;

import java.nio.file.Path;
import java.util.Optional;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.VectorSource;
import org.mnemosyne.api.plugin.PluginApi;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;

/**
 * The common part of the built-in providers: each names itself and says which {@link IndexFlavor}
 * it builds; building and loading are the engine's. Cheap to construct, as providers must be.
 */
public abstract class EngineIndexProvider implements IndexProvider {

  /** For subclasses. */
  protected EngineIndexProvider() {}

  /**
   * The flavor to build or load, configured from the context.
   *
   * @param context the host's context, or null (defaults)
   */
  protected abstract IndexFlavor flavor(PluginContext context);

  /**
   * An integer setting {@code mnemosyne.plugin.<name>.<key>}, or the default.
   *
   * @throws IllegalArgumentException if the value is not an integer within the bounds
   */
  protected final int setting(PluginContext context, String key, int fallback, int min, int max) {
    String full = "mnemosyne.plugin." + name() + "." + key;
    Optional<String> value = context == null ? Optional.empty() : context.config(full);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(value.get().trim());
      if (v < min || v > max) {
        throw new IllegalArgumentException(full + " must be between " + min + " and " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(full + " must be an integer, was " + value.get(), e);
    }
  }

  @Override
  public int apiVersion() {
    return PluginApi.VERSION;
  }

  @Override
  public ConditionalIndex build(
      PluginContext context,
      VectorSource source,
      ProgressListener progress,
      CancellationToken cancellation) {
    return SegmentedIndex.build(flavor(context), source, progress, cancellation);
  }

  @Override
  public ConditionalIndex load(
      PluginContext context, Path file, String expectedModelId, int expectedDimension) {
    return SegmentedIndex.load(flavor(context), file, expectedModelId, expectedDimension);
  }
}
