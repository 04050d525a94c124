package org.mnemosyne.db.job;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A job as stored: what it is, where it stands and how far it got.
 *
 * @param id database id
 * @param type kind of job, e.g. {@code import}
 * @param subject what it works on, e.g. {@code collection:12}; one active job per subject
 * @param collectionId the collection it works on, if any
 * @param state life-cycle state
 * @param parameters how it was started (flat string map), enough to resume it
 * @param checkpoint progress and counters as of the last commit
 * @param cancelRequested whether someone asked it to stop
 * @param attempts how many times a worker started it
 * @param error why it failed, if it did
 * @param createdAt when it was created
 * @param startedAt when a worker first started it, if one did
 * @param heartbeatAt the last commit of progress, if any
 * @param finishedAt when it stopped, if it did
 */
public record Job(
    long id,
    String type,
    String subject,
    Optional<Long> collectionId,
    JobState state,
    Map<String, String> parameters,
    JobCheckpoint checkpoint,
    boolean cancelRequested,
    int attempts,
    Optional<String> error,
    OffsetDateTime createdAt,
    Optional<OffsetDateTime> startedAt,
    Optional<OffsetDateTime> heartbeatAt,
    Optional<OffsetDateTime> finishedAt) {

  /** Validates and copies. */
  public Job {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(checkpoint, "checkpoint");
    parameters = Map.copyOf(parameters);
  }
}
