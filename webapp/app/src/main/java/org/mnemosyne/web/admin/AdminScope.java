package org.mnemosyne.web.admin;

import java.util.Optional;

/**
 * What one signed-in admin may manage: the whole portal, or the collections, imports, jobs and
 * users of one institution.
 *
 * @param username who is asking
 * @param institutionId the institution the admin is limited to; empty for the whole portal
 */
public record AdminScope(String username, Optional<Long> institutionId) {
  /** Whether the admin manages the whole portal (institutions, the cache, every collection). */
  public boolean siteWide() {
    return institutionId.isEmpty();
  }

  /** Whether the admin may manage what belongs to {@code institution}. */
  public boolean allows(long institution) {
    return institutionId.map(i -> i == institution).orElse(true);
  }

  /**
   * Refuses what belongs to another institution.
   *
   * @throws AdminPermissionException if the admin is limited to another institution
   */
  public void require(long institution, String what) {
    if (!allows(institution)) {
      throw new AdminPermissionException(
          username + " manages one institution only and cannot " + what);
    }
  }

  /**
   * Refuses admins limited to one institution.
   *
   * @throws AdminPermissionException for them
   */
  public void requireSiteWide(String what) {
    if (!siteWide()) {
      throw new AdminPermissionException("only a portal-wide admin can " + what);
    }
  }
}
