package org.mnemosyne.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * The portal's security: users and roles from the database (PBKDF2-SHA256 hashes, never clear
 * passwords), a login page ({@code login.xhtml}) that protected pages forward to, and the roles.
 * Which URLs need which role is in {@code web.xml}.
 */
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "java:app/jdbc/mnemosyne",
    callerQuery = "SELECT password_hash FROM app_user WHERE lower(username) = lower(?) AND enabled",
    groupsQuery =
        "SELECT r.role_name FROM app_user_role r JOIN app_user u ON u.id = r.user_id"
            + " WHERE lower(u.username) = lower(?)",
    hashAlgorithm = Pbkdf2PasswordHash.class,
    hashAlgorithmParameters = {
      "Pbkdf2PasswordHash.Iterations=" + SecurityConfig.ITERATIONS,
      "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA256",
      "Pbkdf2PasswordHash.SaltSizeBytes=32"
    })
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(
            loginPage = "/login.xhtml",
            errorPage = "/login.xhtml?failed=true",
            useForwardToLogin = false))
@DeclareRoles({SecurityConfig.ADMIN, SecurityConfig.CURATOR})
@ApplicationScoped
public class SecurityConfig {
  /** Manages collections, imports, indexes, plugins and the cache. */
  public static final String ADMIN = "admin";

  /** Takes items down (withdraws them from search, with their cached explanations and images). */
  public static final String CURATOR = "curator";

  /** PBKDF2 iterations for new hashes. */
  public static final String ITERATIONS = "210000";
}
