package org.mnemosyne.index.scan;

import java.nio.file.Path;
import java.util.Set;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.VectorSource;
import org.mnemosyne.api.plugin.PluginApi;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;

/** Registers {@link ExactScanIndex} as {@code exact-scan}. */
public final class ExactScanIndexProvider implements IndexProvider {
  /** Provider name, written into saved files. */
  public static final String NAME = "exact-scan";

  /** File-format version, written into saved files. */
  public static final String VERSION = "1";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public String description() {
    return "Exact scan: checks the condition on every item and scores every match";
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("exact", "conditional", "incremental");
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
    ExactScanIndex index =
        new ExactScanIndex(source.modelId(), source.dimension(), source.schema());
    long total = source.count();
    long[] done = {0};
    source.scan(
        item -> {
          if ((done[0] & 1023) == 0) {
            cancellation.throwIfCancelled();
            progress.progress(done[0], total, "indexing");
          }
          index.add(item);
          done[0]++;
        });
    progress.progress(done[0], total, "indexed");
    return index;
  }

  @Override
  public ConditionalIndex load(
      PluginContext context, Path file, String expectedModelId, int expectedDimension) {
    return ExactScanIndexFile.read(file, expectedModelId, expectedDimension);
  }
}
