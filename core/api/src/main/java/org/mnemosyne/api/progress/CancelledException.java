package org.mnemosyne.api.progress;

/** Thrown by a task that stopped because its {@link CancellationToken} was cancelled. */
public class CancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public CancelledException() {
    super("cancelled");
  }
}
