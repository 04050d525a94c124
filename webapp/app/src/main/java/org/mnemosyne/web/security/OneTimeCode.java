package org.mnemosyne.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * A short secret for a one-time step (creating the first admin): random, typed by a person (groups
 * of letters and digits without look-alikes; case, spaces and dashes ignored), compared in constant
 * time, and worthless after {@value #MAX_FAILURES} wrong tries (the holder issues a new one).
 * Thread-safe.
 */
public final class OneTimeCode {
  /** Wrong tries after which the code stops matching anything. */
  public static final int MAX_FAILURES = 5;

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String code;
  private int failures;
  private boolean used;

  private OneTimeCode(String code) {
    this.code = code;
  }

  /** A new random code of three groups of four characters (60 bits). */
  public static OneTimeCode random() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        s.append('-');
      }
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return new OneTimeCode(s.toString());
  }

  /** The code as shown to the person who may use it. */
  public String display() {
    return code;
  }

  /**
   * Whether {@code attempt} is the code; a wrong attempt counts towards {@value #MAX_FAILURES}.
   * After that, or once {@link #consume() consumed}, nothing matches.
   */
  public synchronized boolean matches(String attempt) {
    if (used || failures >= MAX_FAILURES) {
      return false;
    }
    boolean ok =
        MessageDigest.isEqual(
            normalise(code).getBytes(StandardCharsets.UTF_8),
            normalise(attempt == null ? "" : attempt).getBytes(StandardCharsets.UTF_8));
    if (!ok) {
      failures++;
    }
    return ok;
  }

  /** Whether the code can still match (not used, not exhausted by wrong tries). */
  public synchronized boolean live() {
    return !used && failures < MAX_FAILURES;
  }

  /** Makes the code worthless (it has done its job). */
  public synchronized void consume() {
    used = true;
  }

  private static String normalise(String s) {
    return s.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }
}
