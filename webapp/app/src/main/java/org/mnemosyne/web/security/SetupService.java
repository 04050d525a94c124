package org.mnemosyne.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mnemosyne.db.account.UserRepository;
import org.mnemosyne.db.entity.UserAccountEntity;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.web.platform.Database;

/**
 * The one-time setup page's logic: while the portal has no admin (and none was configured with
 * {@code MNEMOSYNE_ADMIN_PASSWORD}), {@code setup.xhtml} creates the first, portal-wide admin for
 * whoever holds the setup code. The code is printed to the server log and written to {@code
 * <home>/setup-code.txt} (readable by the server's user only), so only someone with access to the
 * server can claim the portal. Once an admin exists the page is closed for good.
 */
@ApplicationScoped
public class SetupService {
  private static final Logger LOG = Logger.getLogger(SetupService.class.getName());

  @Inject Database database;
  @Inject PasswordHasher hasher;
  @Inject DataLayout layout;

  private OneTimeCode code;

  /** Whether the portal still needs its first admin. */
  public boolean open() {
    return !new UserRepository(database.tx()).anyAdmin();
  }

  /**
   * Issues a setup code if the portal needs one and none is live, and tells the operator where it
   * is.
   */
  public synchronized void offer() {
    if (!open() || (code != null && code.live())) {
      return;
    }
    code = OneTimeCode.random();
    Path file = codeFile();
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, code.display() + "\n");
    } catch (IOException | UnsupportedOperationException e) {
      LOG.log(Level.WARNING, "cannot write the setup code to " + file, e);
    }
    LOG.warning(
        "no admin yet: open /setup.xhtml and enter the one-time setup code "
            + code.display()
            + " (also in "
            + file
            + "), or set MNEMOSYNE_ADMIN_PASSWORD and restart");
  }

  /**
   * Creates the first admin.
   *
   * @throws IllegalArgumentException for a wrong code, a short password, mismatched passwords or a
   *     malformed name
   * @throws IllegalStateException if the portal has an admin already
   */
  public synchronized void createFirstAdmin(
      String setupCode, String username, char[] password, char[] repeated) {
    if (!open()) {
      throw new IllegalStateException("this portal is set up already; sign in instead");
    }
    if (code == null || !code.matches(setupCode)) {
      boolean exhausted = code != null && !code.live();
      if (exhausted) {
        offer(); // a new code in the log; the old one is dead after too many tries
      }
      throw new IllegalArgumentException(
          exhausted
              ? "wrong setup code; too many tries, so a new code was written to the server log"
              : "wrong setup code (it is in the server log and in setup-code.txt)");
    }
    if (!Arrays.equals(password, repeated)) {
      throw new IllegalArgumentException("the two passwords differ");
    }
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    if (!UserAccountEntity.USERNAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a user name is lower-case letters, digits or . _ @ - (e.g. admin)");
    }
    String hash = hasher.hash(password);
    if (new UserRepository(database.tx()).createFirstAdmin(name, "Administrator", hash).isEmpty()) {
      throw new IllegalStateException("this portal is set up already; sign in instead");
    }
    code.consume();
    try {
      Files.deleteIfExists(codeFile());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot delete " + codeFile(), e);
    }
    LOG.info(() -> "the first admin '" + name + "' was created on the setup page");
  }

  private Path codeFile() {
    return layout.home().resolve("setup-code.txt");
  }
}
