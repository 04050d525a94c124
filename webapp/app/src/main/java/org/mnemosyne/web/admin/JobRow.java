package org.mnemosyne.web.admin;

/**
 * A job on the admin page.
 *
 * @param id id
 * @param type e.g. {@code import}, {@code explain}
 * @param subject what it works on
 * @param state its state
 * @param progress share done, 0..1
 * @param message what it is doing
 * @param error why it failed, or empty
 * @param created when it was created
 */
public record JobRow(
    long id,
    String type,
    String subject,
    String state,
    double progress,
    String message,
    String error,
    String created) {
  /** Progress in whole percent. */
  public int percent() {
    return (int) Math.round(progress * 100);
  }
}
