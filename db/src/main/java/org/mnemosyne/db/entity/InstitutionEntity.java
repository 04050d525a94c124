package org.mnemosyne.db.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.mnemosyne.db.catalog.Slug;

/**
 * An institution as the admin pages edit it (table {@code institution}). The slug is fixed once
 * created: conditions ({@code institution:<slug>}) and permalinks use it.
 */
@Entity(name = "Institution")
@Table(name = "institution")
public class InstitutionEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "slug", nullable = false, updatable = false, length = 64)
  private String slug;

  @Column(name = "name", nullable = false, length = 500)
  private String name;

  @Column(name = "homepage", length = 2000)
  private String homepage;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  /** For JPA. */
  protected InstitutionEntity() {}

  /** A new institution. */
  public InstitutionEntity(Slug slug, String name, String homepage) {
    this.slug = Objects.requireNonNull(slug, "slug").value();
    this.createdAt = OffsetDateTime.now();
    setDetails(name, homepage);
  }

  /**
   * Changes the display name and home page.
   *
   * @throws IllegalArgumentException for a blank name or a home page that is not http(s)
   */
  public void update(String name, String homepage) {
    setDetails(name, homepage);
  }

  private void setDetails(String name, String homepage) {
    this.name = EntityText.required(name, "name", 500);
    this.homepage = EntityText.webAddress(homepage);
    this.updatedAt = OffsetDateTime.now();
  }

  /** Database id (null before it is persisted). */
  public Long getId() {
    return id;
  }

  /** The short name used in conditions. */
  public Slug getSlug() {
    return new Slug(slug);
  }

  /** Display name. */
  public String getName() {
    return name;
  }

  /** The institution's web site, or null. */
  public String getHomepage() {
    return homepage;
  }

  /** When it was created. */
  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  /** When it was last edited. */
  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
