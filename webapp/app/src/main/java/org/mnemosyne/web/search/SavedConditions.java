package org.mnemosyne.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.mnemosyne.api.index.Condition;
import org.mnemosyne.db.account.SavedCondition;
import org.mnemosyne.db.account.SavedConditionRepository;
import org.mnemosyne.web.platform.Database;

/**
 * Named conditions: a signed-in user saves their own; an admin publishes one for everyone; visitors
 * see the published ones (and share any condition by permalink). A condition is checked against the
 * facets before it is stored, and stored as canonical text and JSON.
 */
@ApplicationScoped
public class SavedConditions {
  private static final int MAX_NAME = 200;

  @Inject Database database;
  @Inject SearchService search;

  /** The published conditions and the user's own. */
  public List<SavedCondition> visibleTo(Optional<Long> user) {
    return repository().visibleTo(user);
  }

  /**
   * Saves a condition under a name for a user, or for everyone.
   *
   * @param owner the user; empty publishes it at once (admins only — the caller checks)
   * @return its id
   * @throws org.mnemosyne.api.index.ConditionSyntaxException for a malformed condition
   * @throws IllegalArgumentException for a blank or too long name
   */
  public long save(Optional<Long> owner, String name, String text) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("a name of 1 to " + MAX_NAME + " characters is needed");
    }
    Condition c = search.parse(text);
    return repository().save(owner, name.trim(), c.toQueryString(), c.toJson());
  }

  /** Publishes a condition (admins only — the caller checks). */
  public boolean publish(long id) {
    return repository().publish(id);
  }

  /**
   * Deletes a condition the user owns, or any condition for an admin.
   *
   * @return whether it was deleted
   */
  public boolean delete(long id, Optional<Long> user, boolean admin) {
    boolean allowed =
        admin
            || repository().visibleTo(user).stream()
                .anyMatch(s -> s.id() == id && s.owner().isPresent() && s.owner().equals(user));
    return allowed && repository().delete(id);
  }

  private SavedConditionRepository repository() {
    return new SavedConditionRepository(database.tx());
  }
}
