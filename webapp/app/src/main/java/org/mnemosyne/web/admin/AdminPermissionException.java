package org.mnemosyne.web.admin;

/** An admin asked for something outside what they manage (HTTP 403). */
public class AdminPermissionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With the reason shown to the admin. */
  public AdminPermissionException(String message) {
    super(message);
  }
}
