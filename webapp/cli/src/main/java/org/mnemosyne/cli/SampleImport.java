package org.mnemosyne.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.EmbeddingModelProvider;
import org.mnemosyne.api.progress.CancellationSource;
import org.mnemosyne.db.ingest.ImportService;
import org.mnemosyne.db.ingest.ImportSettings;
import org.mnemosyne.db.ingest.ImportSummary;
import org.mnemosyne.db.ingest.SampleCollections;
import org.mnemosyne.runtime.config.ConfigKey;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;

/**
 * A newcomer's first start lands on a working search: once the portal answers, the three sample
 * collections of {@code shared/data} are imported in the background, once (see {@link
 * SampleCollections#importOnFirstStart}), with progress on the console. Stopping the server cancels
 * at a batch boundary; the next start finishes the job. Off with {@code
 * mnemosyne.samples.import=false}.
 */
final class SampleImport {
  private static final long REPORT_EVERY_NANOS = 10_000_000_000L;

  private final MnemosyneConfig config;
  private final DataLayout layout;
  private final PluginRegistry registry;
  private final DataSource dataSource;
  private final PrintWriter out;
  private final CancellationSource cancel = new CancellationSource();
  private Thread thread;

  SampleImport(
      MnemosyneConfig config,
      DataLayout layout,
      PluginRegistry registry,
      DataSource dataSource,
      PrintWriter out) {
    this.config = config;
    this.layout = layout;
    this.registry = registry;
    this.dataSource = dataSource;
    this.out = out;
  }

  /** Starts the import on a daemon thread, unless disabled or there is no sample data. */
  synchronized void startInBackground() {
    boolean enabled =
        !config
            .get("mnemosyne.samples.import")
            .orElse("true")
            .toLowerCase(Locale.ROOT)
            .equals("false");
    if (!enabled || layout.sampleDataDir().isEmpty()) {
      return;
    }
    thread = new Thread(() -> run(layout.sampleDataDir().get()), "mnemosyne-samples");
    thread.setDaemon(true);
    thread.start();
  }

  /** Cancels and waits (bounded) until the running batch is committed. */
  void stop() {
    cancel.cancel();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run(Path data) {
    EmbeddingModelProvider provider =
        registry.require(EmbeddingModelProvider.class, config.get(ConfigKey.MODEL_PROVIDER, "djl"));
    try (EmbeddingModel model = provider.open(registry.contextFor(provider))) {
      ImportService service =
          new ImportService(dataSource, registry, model, ImportSettings.defaults());
      long[] last = {System.nanoTime()};
      List<ImportSummary> done =
          SampleCollections.importOnFirstStart(
              service,
              data,
              p -> {
                if (System.nanoTime() - last[0] > REPORT_EVERY_NANOS) {
                  last[0] = System.nanoTime();
                  say(
                      String.format(
                          "sample collections: %s (%.0f %%)", p.message(), 100 * p.fraction()));
                }
              },
              cancel);
      for (ImportSummary s : done) {
        say(
            String.format(
                "sample collections: %s %s — %d items, %d embedded, %d rejected, %.1f s (job %d)",
                s.collection(),
                s.state().name().toLowerCase(Locale.ROOT),
                s.counts().processed(),
                s.counts().embedded(),
                s.counts().rejected(),
                s.elapsed().toMillis() / 1000.0,
                s.jobId()));
      }
    } catch (RuntimeException e) {
      say(
          "sample collections: import failed: "
              + e.getMessage()
              + " (retried at the next start; or run: mnemosyne import --samples)");
    }
  }

  private void say(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
