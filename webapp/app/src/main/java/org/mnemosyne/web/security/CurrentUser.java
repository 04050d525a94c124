package org.mnemosyne.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.mnemosyne.db.account.UserRepository;
import org.mnemosyne.web.platform.Database;

/** Who is asking, for pages ({@code #{currentUser.signedIn}}) and services. */
@Named
@RequestScoped
public class CurrentUser {
  @Inject SecurityContext security;
  @Inject Database database;

  private Optional<Long> id;

  /** Whether someone is signed in. */
  public boolean isSignedIn() {
    return security.getCallerPrincipal() != null;
  }

  /** The user's name, or empty. */
  public String getName() {
    Principal p = security.getCallerPrincipal();
    return p == null ? "" : p.getName();
  }

  /** Whether the user is an admin. */
  public boolean isAdmin() {
    return isSignedIn() && security.isCallerInRole(SecurityConfig.ADMIN);
  }

  /** The user's id, if signed in. */
  public Optional<Long> id() {
    if (id == null) {
      id = isSignedIn() ? new UserRepository(database.tx()).idOf(getName()) : Optional.empty();
    }
    return id;
  }
}
