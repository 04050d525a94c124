package org.mnemosyne.api.index;

import java.nio.file.Path;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.plugin.PluginKind;
import org.mnemosyne.api.plugin.PluginProvider;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;

/**
 * Provides {@link ConditionalIndex}es. Register implementations in {@code
 * META-INF/services/org.mnemosyne.api.index.IndexProvider}.
 */
public interface IndexProvider extends PluginProvider {

  @Override
  default PluginKind kind() {
    return PluginKind.INDEX;
  }

  /**
   * Builds an index from every item of {@code source}.
   *
   * @throws org.mnemosyne.api.progress.CancelledException if cancelled
   */
  ConditionalIndex build(
      PluginContext context,
      VectorSource source,
      ProgressListener progress,
      CancellationToken cancellation);

  /**
   * Opens an index saved by {@link ConditionalIndex#save}.
   *
   * @param expectedModelId the model the caller's vectors come from
   * @param expectedDimension their length
   * @throws IndexFormatException if the file is corrupt or was written by another provider,
   *     version, model or dimension; the message says which
   */
  ConditionalIndex load(
      PluginContext context, Path file, String expectedModelId, int expectedDimension);
}
