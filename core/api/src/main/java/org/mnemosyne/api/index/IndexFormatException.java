package org.mnemosyne.api.index;

import org.mnemosyne.api.plugin.PluginException;

/**
 * A saved index was refused: corrupt, truncated, written by another provider or version, or for
 * another model. The host then rebuilds the index from its {@link VectorSource}.
 */
public class IndexFormatException extends PluginException {
  private static final long serialVersionUID = 1L;

  /** With a message naming what did not match. */
  public IndexFormatException(String message) {
    super(message);
  }

  /** With a message and cause. */
  public IndexFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
