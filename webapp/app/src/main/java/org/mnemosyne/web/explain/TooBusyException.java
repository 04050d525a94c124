package org.mnemosyne.web.explain;

/** The explanation queue is full, or the client has too many explanations running: 429. */
public class TooBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message for the visitor. */
  public TooBusyException(String message) {
    super(message);
  }
}
