package org.mnemosyne.api.progress;

/**
 * Asks a long task to stop. Tasks poll it between units of work and stop by throwing {@link
 * CancelledException}; cancellation is cooperative and never interrupts a model call half-way.
 * Thread-safe.
 */
public interface CancellationToken {
  /** A token that is never cancelled. */
  CancellationToken NONE = () -> false;

  /** Whether cancellation has been requested. */
  boolean isCancelled();

  /**
   * Throws if cancellation has been requested.
   *
   * @throws CancelledException if {@link #isCancelled()}
   */
  default void throwIfCancelled() {
    if (isCancelled()) {
      throw new CancelledException();
    }
  }
}
