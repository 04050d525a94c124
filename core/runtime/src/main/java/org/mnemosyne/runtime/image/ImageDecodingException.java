package org.mnemosyne.runtime.image;

/** An image could not be decoded: unknown format, corrupt data, or too many pixels. */
public class ImageDecodingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** With a message for people. */
  public ImageDecodingException(String message) {
    super(message);
  }

  /** With a message and cause. */
  public ImageDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
