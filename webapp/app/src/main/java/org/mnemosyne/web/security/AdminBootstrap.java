package org.mnemosyne.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.mnemosyne.db.account.UserRepository;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.web.platform.Database;

/**
 * Creates the first admin at start when there is none: user {@code mnemosyne.admin.user} (default
 * {@code admin}) with the password {@code mnemosyne.admin.password} (environment {@code
 * MNEMOSYNE_ADMIN_PASSWORD}). Without the password the one-time setup page is offered instead
 * ({@link SetupService}); once an admin exists the setting is ignored, so it cannot reset a
 * password.
 */
@ApplicationScoped
public class AdminBootstrap {
  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject MnemosyneConfig config;
  @Inject Database database;
  @Inject PasswordHasher hasher;
  @Inject SetupService setup;

  /** Creates the first admin if needed and possible. */
  public void ensureFirstAdmin() {
    UserRepository users = new UserRepository(database.tx());
    if (users.anyAdmin()) {
      return;
    }
    String password = config.get("mnemosyne.admin.password").orElse("");
    if (password.isBlank()) {
      setup.offer();
      return;
    }
    String user = config.get("mnemosyne.admin.user").orElse("admin");
    users.create(user, "Administrator", hasher.hash(password.toCharArray()), List.of("admin"));
    LOG.info(() -> "created the first admin '" + user + "'");
  }
}
