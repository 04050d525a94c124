package org.mnemosyne.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/** Hashes passwords exactly as the identity store verifies them. */
@ApplicationScoped
public class PasswordHasher {
  @Inject Pbkdf2PasswordHash hash;

  /**
   * The hash of a password.
   *
   * @throws IllegalArgumentException if the password is shorter than 12 characters
   */
  public synchronized String hash(char[] password) {
    if (password.length < 12) {
      throw new IllegalArgumentException("a password needs at least 12 characters");
    }
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Iterations", SecurityConfig.ITERATIONS,
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32"));
    return hash.generate(password);
  }
}
