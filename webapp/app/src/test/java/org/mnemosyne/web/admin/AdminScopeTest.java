package org.mnemosyne.web.admin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminScopeTest {
  @Test
  void aPortalWideAdminMayDoEverything() {
    AdminScope all = new AdminScope("root", Optional.empty());
    assertTrue(all.siteWide());
    assertTrue(all.allows(1) && all.allows(2));
    assertDoesNotThrow(() -> all.requireSiteWide("clear the cache"));
  }

  @Test
  void anInstitutionAdminOnlyTheirs() {
    AdminScope north = new AdminScope("n", Optional.of(7L));
    assertFalse(north.siteWide());
    assertTrue(north.allows(7));
    assertFalse(north.allows(8));
    assertDoesNotThrow(() -> north.require(7, "edit"));
    AdminPermissionException e =
        assertThrows(AdminPermissionException.class, () -> north.require(8, "edit collection x"));
    assertTrue(e.getMessage().contains("edit collection x"), e.getMessage());
    assertThrows(AdminPermissionException.class, () -> north.requireSiteWide("clear the cache"));
  }
}
