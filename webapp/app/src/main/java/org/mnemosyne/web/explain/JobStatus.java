package org.mnemosyne.web.explain;

/**
 * Where an explanation job stands.
 *
 * @param job job id, or null when the answer came from the cache without a job
 * @param state {@code queued}, {@code running}, {@code succeeded}, {@code failed} or {@code
 *     cancelled}
 * @param progress share done, 0..1
 * @param message what it is doing
 * @param error why it failed, or null
 * @param explanation the cached explanation's id once it succeeded, or null
 */
public record JobStatus(
    Long job, String state, double progress, String message, String error, Long explanation) {}
