package org.mnemosyne.api.importer;

import java.io.IOException;
import org.mnemosyne.api.progress.CancellationToken;
import org.mnemosyne.api.progress.ProgressListener;

/** Reads the records of a collection source. Thread-safe; holds no state between calls. */
public interface Importer {

  /**
   * Reads every record of {@code source} into {@code sink}, in source order.
   *
   * @throws IOException if the source as a whole cannot be read (per-row problems go to {@link
   *     RecordSink#reject})
   * @throws org.mnemosyne.api.progress.CancelledException if cancelled
   */
  void read(
      ImportSource source,
      RecordSink sink,
      ProgressListener progress,
      CancellationToken cancellation)
      throws IOException;
}
