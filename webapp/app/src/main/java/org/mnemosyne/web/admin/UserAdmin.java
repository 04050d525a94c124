package org.mnemosyne.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mnemosyne.db.catalog.Slug;
import org.mnemosyne.db.entity.InstitutionEntity;
import org.mnemosyne.db.entity.UserAccountEntity;
import org.mnemosyne.web.search.NotFoundException;
import org.mnemosyne.web.security.PasswordHasher;

/**
 * Portal users as admins manage them, through JPA: list, create (admin or curator, portal-wide or
 * limited to one institution), enable and disable. An admin of one institution manages only that
 * institution's users and can only create users of it; nobody can disable themselves.
 */
@ApplicationScoped
public class UserAdmin {
  @PersistenceContext(unitName = "mnemosyne")
  EntityManager em;

  @Inject PasswordHasher hasher;

  /**
   * What the signed-in {@code username} may manage in one of {@code roles} (empty if there is no
   * such enabled user with one of them).
   */
  @Transactional
  public Optional<AdminScope> scopeOf(String username, Set<String> roles) {
    if (username == null || username.isBlank()) {
      return Optional.empty();
    }
    return find(username)
        .filter(u -> u.isEnabled() && u.getRoles().stream().anyMatch(roles::contains))
        .map(
            u ->
                new AdminScope(
                    u.getUsername(),
                    Optional.ofNullable(u.getInstitution()).map(InstitutionEntity::getId)));
  }

  /** The users the admin manages, by name. */
  @Transactional
  public List<UserRow> users(AdminScope scope) {
    return em
        .createQuery("select u from UserAccount u order by u.username", UserAccountEntity.class)
        .getResultList()
        .stream()
        .filter(u -> scope.siteWide() || sameInstitution(scope, u))
        .map(UserAdmin::row)
        .toList();
  }

  private static boolean sameInstitution(AdminScope scope, UserAccountEntity u) {
    return u.getInstitution() != null && scope.allows(u.getInstitution().getId());
  }

  private static UserRow row(UserAccountEntity u) {
    return new UserRow(
        u.getId(),
        u.getUsername(),
        u.getDisplayName() == null ? "" : u.getDisplayName(),
        u.getRoles(),
        u.getInstitution() == null ? "" : u.getInstitution().getSlug().value(),
        u.isEnabled());
  }

  /**
   * Creates a user.
   *
   * @param institutionSlug the institution the user is limited to; blank for the whole portal (only
   *     a portal-wide admin may create such users)
   * @throws IllegalArgumentException for a taken or malformed name, a short password, an unknown
   *     role or institution
   */
  @Transactional
  public long create(
      AdminScope scope,
      String username,
      String displayName,
      char[] password,
      Collection<String> roles,
      String institutionSlug) {
    InstitutionEntity institution = null;
    if (institutionSlug == null || institutionSlug.isBlank()) {
      scope.requireSiteWide("create portal-wide users");
    } else {
      institution =
          CatalogAdmin.findInstitution(
              em, new Slug(institutionSlug.strip().toLowerCase(Locale.ROOT)));
      if (institution == null) {
        throw new IllegalArgumentException("no institution '" + institutionSlug + "'");
      }
      scope.require(institution.getId(), "create users of " + institution.getSlug());
    }
    if (username != null && find(username).isPresent()) {
      throw new IllegalArgumentException("the user name '" + username.strip() + "' is taken");
    }
    UserAccountEntity u =
        new UserAccountEntity(
            username == null ? "" : username,
            displayName,
            hasher.hash(password),
            roles,
            institution);
    em.persist(u);
    return u.getId();
  }

  /** Lets a user sign in again or stops them (not oneself). */
  @Transactional
  public void setEnabled(AdminScope scope, long id, boolean enabled) {
    UserAccountEntity u = em.find(UserAccountEntity.class, id);
    if (u == null || !(scope.siteWide() || sameInstitution(scope, u))) {
      throw new NotFoundException("no user " + id);
    }
    if (!enabled && u.getUsername().equals(scope.username())) {
      throw new IllegalArgumentException("you cannot disable your own account");
    }
    u.setEnabled(enabled);
  }

  private Optional<UserAccountEntity> find(String username) {
    return em.createQuery(
            "select u from UserAccount u where lower(u.username) = :n", UserAccountEntity.class)
        .setParameter("n", username.strip().toLowerCase(Locale.ROOT))
        .getResultStream()
        .findFirst();
  }
}
