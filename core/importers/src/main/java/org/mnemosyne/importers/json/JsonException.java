package org.mnemosyne.importers.json;

/** A document is not valid JSON; the message gives the offset and the reason. */
public final class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public JsonException(String message) {
    super(message);
  }
}
