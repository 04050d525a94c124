package org.mnemosyne.runtime.plugin;

/** Two built-in providers share a kind and a name: the application was built wrongly. */
public class DuplicateProviderException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** With a message naming both provider classes. */
  public DuplicateProviderException(String message) {
    super(message);
  }
}
