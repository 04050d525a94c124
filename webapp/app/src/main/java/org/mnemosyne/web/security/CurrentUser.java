package org.mnemosyne.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.mnemosyne.db.account.UserRepository;
import org.mnemosyne.web.admin.AdminPermissionException;
import org.mnemosyne.web.admin.AdminScope;
import org.mnemosyne.web.admin.UserAdmin;
import org.mnemosyne.web.platform.Database;

/** Who is asking, for pages ({@code #{currentUser.signedIn}}) and services. */
@Named
@RequestScoped
public class CurrentUser {
  @Inject SecurityContext security;
  @Inject Database database;

  @Inject UserAdmin users;
  @Inject HttpServletRequest request;

  private Optional<Long> id;
  private AdminScope scope;
  private AdminScope curatorScope;

  /** Whether someone is signed in. */
  public boolean isSignedIn() {
    return principal() != null;
  }

  /** The user's name, or empty. */
  public String getName() {
    Principal p = principal();
    return p == null ? "" : p.getName();
  }

  /**
   * The caller; the servlet request's when Jakarta Security has none for this request (the request
   * that resumes after the sign-in page).
   */
  private Principal principal() {
    Principal p = security.getCallerPrincipal();
    return p != null ? p : request.getUserPrincipal();
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

  /**
   * What the signed-in admin manages. The admin role is read from the database with the user's
   * institution (the URL constraints of web.xml have already refused non-admins).
   *
   * @throws AdminPermissionException if nobody is signed in as an admin
   */
  public AdminScope adminScope() {
    if (scope == null) {
      scope =
          users
              .scopeOf(getName(), Set.of(SecurityConfig.ADMIN))
              .orElseThrow(() -> new AdminPermissionException("sign in as an admin"));
    }
    return scope;
  }

  /**
   * What the signed-in curator or admin may curate (take items down): the whole portal or one
   * institution.
   *
   * @throws AdminPermissionException if nobody is signed in as a curator or admin
   */
  public AdminScope curatorScope() {
    if (curatorScope == null) {
      curatorScope =
          users
              .scopeOf(getName(), Set.of(SecurityConfig.ADMIN, SecurityConfig.CURATOR))
              .orElseThrow(() -> new AdminPermissionException("sign in as a curator"));
    }
    return curatorScope;
  }

  /** Whether the user may curate (curator or admin), for pages. */
  public boolean isCurator() {
    return isSignedIn()
        && (security.isCallerInRole(SecurityConfig.CURATOR)
            || security.isCallerInRole(SecurityConfig.ADMIN));
  }

  /** Whether the signed-in user is an admin of the whole portal (for pages). */
  public boolean isSiteAdmin() {
    return isAdmin() && adminScope().siteWide();
  }
}
