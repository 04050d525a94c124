package org.mnemosyne.api.progress;

import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link CancellationToken} that the owner of a task cancels. Thread-safe. */
public final class CancellationSource implements CancellationToken {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** Requests cancellation; idempotent. */
  public void cancel() {
    cancelled.set(true);
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }
}
