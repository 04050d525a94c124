package org.mnemosyne.plugins.lucene;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.IndexFormatException;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.index.VectorSource;
import org.mnemosyne.api.plugin.PluginApi;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.CancelledException;
import org.mnemosyne.api.progress.ProgressListener;

/**
 * {@code lucene-hnsw}: an <em>approximate</em> conditional index for users who accept it — Lucene's
 * HNSW graph with every condition translated exactly into a Lucene filter, so every hit satisfies
 * the condition but the hits need not be the true top k (see {@link LuceneHnswIndex} for what is
 * guaranteed, and {@link PlanRecordingKnnQuery} for Lucene's filtered-search policy).
 *
 * <p>A build reads the whole {@link VectorSource} into one Lucene segment where the indexing buffer
 * allows, then merges to one segment (one graph). Settings under {@code
 * mnemosyne.plugin.lucene-hnsw.} ({@link HnswSettings}): {@code m} (16), {@code beam-width} (100),
 * {@code candidates} (100), {@code storage} ({@code memory} or {@code disk}), {@code
 * ram-buffer-mb}. Saved files carry the header of every Mnemosyne index ({@link IndexArchive}); a
 * file of another provider, version, model or dimension is refused.
 *
 * <p>Cheap to construct, as providers must be; thread-safe.
 */
public final class LuceneHnswIndexProvider implements IndexProvider {
  /** Provider name, written into saved files. */
  public static final String NAME = "lucene-hnsw";

  /** File-format version, written into saved files. */
  public static final String VERSION = "1";

  /** For the service loader. */
  public LuceneHnswIndexProvider() {}

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
    return "Approximate conditional k-NN: Lucene 9.12 HNSW graph, conditions as Lucene filters";
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("approximate", "conditional", "incremental");
  }

  @Override
  public int apiVersion() {
    return PluginApi.VERSION;
  }

  /**
   * Builds an index of every item of the source.
   *
   * @throws CancelledException if cancelled (checked every 1,024 items)
   * @throws IllegalArgumentException if an item has the wrong dimension or a non-finite component,
   *     or the dimension exceeds {@value HnswVectorsFormat#MAX_DIMENSIONS}
   */
  @Override
  public ConditionalIndex build(
      PluginContext context,
      VectorSource source,
      ProgressListener progress,
      CancellationToken cancellation) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancellation, "cancellation");
    HnswSettings settings = HnswSettings.from(context, NAME);
    LuceneHnswIndex index =
        LuceneHnswIndex.create(
            this,
            source.modelId(),
            source.dimension(),
            source.schema(),
            settings,
            IndexStorage.open(settings, context));
    try {
      long total = source.count();
      long[] done = {0};
      source.scan(
          item -> {
            if ((done[0] & 1023) == 0) {
              cancellation.throwIfCancelled();
              progress.progress(done[0], total, "indexing vectors (HNSW graph)");
            }
            index.buildAdd(item);
            done[0]++;
          });
      cancellation.throwIfCancelled();
      progress.progress(done[0], total, "merging segments");
      index.finishBuild();
      progress.progress(done[0], total, "built");
      return index;
    } catch (RuntimeException | Error e) {
      index.close();
      throw e;
    }
  }

  /**
   * Opens a saved index, copying its Lucene files into working storage.
   *
   * @throws IndexFormatException if the file is missing, corrupt, or written by another provider,
   *     version, model or dimension
   */
  @Override
  public ConditionalIndex load(
      PluginContext context, Path file, String expectedModelId, int expectedDimension) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(expectedModelId, "expectedModelId");
    HnswSettings settings = HnswSettings.from(context, NAME);
    IndexStorage storage = IndexStorage.open(settings, context);
    IndexArchive.Contents contents;
    try {
      contents =
          IndexArchive.read(
              file, NAME, VERSION, expectedModelId, expectedDimension, storage.directory());
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
    return LuceneHnswIndex.open(this, file, contents, settings, storage);
  }
}
