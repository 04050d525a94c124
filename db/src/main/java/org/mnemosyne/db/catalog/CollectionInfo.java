package org.mnemosyne.db.catalog;

import java.util.Objects;

/**
 * A collection and its institution.
 *
 * @param id database id
 * @param slug short name, unique across institutions ({@code collection:<slug>} in conditions)
 * @param name display name
 * @param institution the owner
 * @param status draft, published (active) or withdrawn
 */
public record CollectionInfo(
    long id, Slug slug, String name, Institution institution, CollectionStatus status) {
  /** Validates. */
  public CollectionInfo {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(institution, "institution");
    Objects.requireNonNull(status, "status");
  }

  /** Whether visitors see it (published and not withdrawn). */
  public boolean active() {
    return status == CollectionStatus.ACTIVE;
  }
}
