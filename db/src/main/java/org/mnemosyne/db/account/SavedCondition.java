package org.mnemosyne.db.account;

import java.util.Optional;

/**
 * A named condition.
 *
 * @param id id
 * @param name the name people see ("Dutch Golden Age")
 * @param text the condition's canonical text
 * @param owner the user who saved it; empty for a published condition everyone sees
 */
public record SavedCondition(long id, String name, String text, Optional<Long> owner) {
  /** Whether everyone sees it. */
  public boolean published() {
    return owner.isEmpty();
  }
}
