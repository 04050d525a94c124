package org.mnemosyne.db.catalog;

import java.util.Objects;

/**
 * An institution that owns collections.
 *
 * @param id database id
 * @param slug short name
 * @param name display name
 */
public record Institution(long id, Slug slug, String name) {
  /** Validates. */
  public Institution {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
  }
}
