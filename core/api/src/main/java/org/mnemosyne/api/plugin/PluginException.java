package org.mnemosyne.api.plugin;

/**
 * A provider could not do what was asked for a reason the caller cannot fix by retrying with the
 * same input (missing model file, unsupported option, corrupt index). The message says what is
 * wrong and what to do.
 */
public class PluginException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message for people. */
  public PluginException(String message) {
    super(message);
  }

  /** With a message for people and the underlying cause. */
  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
