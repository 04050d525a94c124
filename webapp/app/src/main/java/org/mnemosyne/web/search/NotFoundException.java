package org.mnemosyne.web.search;

/**
 * Something a request names does not exist (or is withdrawn): 404 in the API, a message on pages.
 */
public class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message for the visitor. */
  public NotFoundException(String message) {
    super(message);
  }
}
