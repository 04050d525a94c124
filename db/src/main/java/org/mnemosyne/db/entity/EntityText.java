package org.mnemosyne.db.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks on text that admins type into entities, with messages a person can act on. */
final class EntityText {
  private EntityText() {}

  /** A stripped, non-blank text of at most {@code max} characters. */
  static String required(String text, String what, int max) {
    String s = optional(text, what, max);
    if (s == null) {
      throw new IllegalArgumentException("the " + what + " must not be empty");
    }
    return s;
  }

  /** A stripped text of at most {@code max} characters, or null when blank. */
  static String optional(String text, String what, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip();
    if (s.length() > max) {
      throw new IllegalArgumentException(
          "the " + what + " is " + s.length() + " characters long; at most " + max);
    }
    return s;
  }

  /** An absolute http(s) address of at most 2000 characters, or null when blank. */
  static String webAddress(String text) {
    String s = optional(text, "web address", 2000);
    if (s == null) {
      return null;
    }
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return s;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException("not an http(s) web address: " + s);
  }
}
