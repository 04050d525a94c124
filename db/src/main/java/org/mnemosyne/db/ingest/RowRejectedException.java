package org.mnemosyne.db.ingest;

/** A record that cannot be imported; the code and message go into the job's problems. */
final class RowRejectedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String code;

  RowRejectedException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** Stable kind, e.g. {@code too-long}. */
  String code() {
    return code;
  }
}
