package org.mnemosyne.db.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mnemosyne.db.job.JobProblem;
import org.mnemosyne.db.job.JobState;

/**
 * How an import attempt ended.
 *
 * @param jobId the job (resume it by id if it did not succeed)
 * @param collection the collection's slug
 * @param state succeeded, failed or cancelled
 * @param counts what the job did over all its attempts
 * @param elapsed wall time of this attempt
 * @param embeddedThisAttempt vectors computed in this attempt
 * @param timings where this attempt spent its time
 * @param problems the job's problems in source order (at most {@link #MAX_PROBLEMS})
 * @param error why it failed, if it did
 * @param resumed whether this attempt continued an earlier one
 */
public record ImportSummary(
    long jobId,
    String collection,
    JobState state,
    ImportCounts counts,
    Duration elapsed,
    long embeddedThisAttempt,
    StageTimings timings,
    List<JobProblem> problems,
    Optional<String> error,
    boolean resumed) {

  /** Most problems listed in a summary (all are in the job's table). */
  public static final int MAX_PROBLEMS = 1000;

  /** Validates and copies. */
  public ImportSummary {
    problems = List.copyOf(problems);
  }

  /** Vectors computed per second of this attempt. */
  public double imagesPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : embeddedThisAttempt / s;
  }
}
