package org.mnemosyne.db.ingest;

/**
 * An item's image could not be read or fetched; the code and message go into the job's problems.
 */
public final class ImageUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String code;

  ImageUnavailableException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** Stable kind: {@code missing-image}, {@code image-too-large} or {@code image-fetch-failed}. */
  public String code() {
    return code;
  }
}
