package org.mnemosyne.web.security;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A random token per session that state-changing API calls made with the session cookie must send
 * back in the {@value #HEADER} header: another site can make a browser send the cookie, but cannot
 * read the token or set the header. (Faces forms carry their own view state.)
 */
@Named("csrf")
@SessionScoped
public class CsrfToken implements Serializable {
  /** The request header. */
  public static final String HEADER = "X-Mnemosyne-CSRF";

  private static final long serialVersionUID = 1L;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  /** A new token. */
  public CsrfToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    value = HexFormat.of().formatHex(b);
  }

  /** The token. */
  public String getValue() {
    return value;
  }

  /** Whether a presented token is this one (constant time). */
  public boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(
            value.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
