package org.mnemosyne.api.progress;

/**
 * Receives progress of a long task. Called from the worker thread; implementations must be quick
 * and thread-safe, and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = (done, total, message) -> {};

  /**
   * Reports progress.
   *
   * @param done units of work done so far (non-decreasing)
   * @param total total units, or {@code -1} when unknown
   * @param message what is happening now, for people; may be empty
   */
  void progress(long done, long total, String message);
}
