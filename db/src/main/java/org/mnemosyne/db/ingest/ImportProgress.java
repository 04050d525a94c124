package org.mnemosyne.db.ingest;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a running import, sent after every committed batch.
 *
 * @param jobId the job
 * @param counts what was done so far (all attempts)
 * @param fraction share of the source read, 0..1
 * @param imagesPerSecond vectors computed per second in this attempt
 * @param eta estimated time left, once it can be estimated
 * @param message where the import is, e.g. {@code metadata.csv line 120}
 */
public record ImportProgress(
    long jobId,
    ImportCounts counts,
    double fraction,
    double imagesPerSecond,
    Optional<Duration> eta,
    String message) {}
