package org.mnemosyne.web.admin;

/**
 * A collection on the admin page and in the admin API.
 *
 * @param id id
 * @param slug slug (the {@code collection} facet)
 * @param name display name
 * @param description description for visitors, or empty
 * @param institution institution name
 * @param institutionSlug institution slug
 * @param items active items (shown once the collection is published)
 * @param status {@code draft}, {@code active} (published) or {@code withdrawn}
 */
public record CollectionRow(
    long id,
    String slug,
    String name,
    String description,
    String institution,
    String institutionSlug,
    long items,
    String status) {
  /** Whether visitors see it. */
  public boolean active() {
    return "active".equals(status);
  }

  /** Whether it is a draft (hidden until published). */
  public boolean draft() {
    return "draft".equals(status);
  }
}
