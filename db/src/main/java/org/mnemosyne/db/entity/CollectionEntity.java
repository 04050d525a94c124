package org.mnemosyne.db.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.mnemosyne.db.catalog.CollectionStatus;
import org.mnemosyne.db.catalog.Slug;

/**
 * A collection as the admin pages edit it (table {@code collection}): name, description and its
 * life cycle draft → published. Taking a collection down (withdrawal) also withdraws its items and
 * deletes their cached explanations, which {@link org.mnemosyne.db.catalog.CatalogRepository} does
 * in one transaction; this entity only refuses to change a withdrawn collection.
 */
@Entity(name = "Collection")
@Table(name = "collection")
public class CollectionEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "institution_id", nullable = false, updatable = false)
  private InstitutionEntity institution;

  @Column(name = "slug", nullable = false, updatable = false, length = 64)
  private String slug;

  @Column(name = "name", nullable = false, length = 500)
  private String name;

  @Column(name = "description")
  private String description;

  @Convert(converter = CollectionStatusConverter.class)
  @Column(name = "status", nullable = false, length = 16)
  private CollectionStatus status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "published_at")
  private OffsetDateTime publishedAt;

  /** For JPA. */
  protected CollectionEntity() {}

  /** A new draft collection of {@code institution}. */
  public CollectionEntity(
      InstitutionEntity institution, Slug slug, String name, String description) {
    this.institution = Objects.requireNonNull(institution, "institution");
    this.slug = Objects.requireNonNull(slug, "slug").value();
    this.status = CollectionStatus.DRAFT;
    this.createdAt = OffsetDateTime.now();
    setDetails(name, description);
  }

  /**
   * Changes the display name and description.
   *
   * @throws IllegalArgumentException for a blank name or a withdrawn collection
   */
  public void update(String name, String description) {
    requireNotWithdrawn("edit");
    setDetails(name, description);
  }

  private void setDetails(String name, String description) {
    this.name = EntityText.required(name, "name", 500);
    this.description = EntityText.optional(description, "description", 20_000);
    this.updatedAt = OffsetDateTime.now();
  }

  /**
   * Shows the collection to visitors (draft → published).
   *
   * @throws IllegalStateException if it is withdrawn
   */
  public void publish() {
    requireNotWithdrawn("publish");
    if (status != CollectionStatus.ACTIVE) {
      status = CollectionStatus.ACTIVE;
      publishedAt = OffsetDateTime.now();
      updatedAt = publishedAt;
    }
  }

  /**
   * Hides a published collection again (published → draft) without withdrawing its items.
   *
   * @throws IllegalStateException if it is withdrawn
   */
  public void unpublish() {
    requireNotWithdrawn("unpublish");
    status = CollectionStatus.DRAFT;
    updatedAt = OffsetDateTime.now();
  }

  private void requireNotWithdrawn(String what) {
    if (status == CollectionStatus.WITHDRAWN) {
      throw new IllegalStateException(
          "collection '" + slug + "' is withdrawn; it cannot " + what + " any more");
    }
  }

  /** Database id (null before it is persisted). */
  public Long getId() {
    return id;
  }

  /** The owning institution. */
  public InstitutionEntity getInstitution() {
    return institution;
  }

  /** The short name used in conditions ({@code collection:<slug>}). */
  public Slug getSlug() {
    return new Slug(slug);
  }

  /** Display name. */
  public String getName() {
    return name;
  }

  /** Description for visitors, or null. */
  public String getDescription() {
    return description;
  }

  /** Draft, published or withdrawn. */
  public CollectionStatus getStatus() {
    return status;
  }

  /** When it was created. */
  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  /** When it was last changed. */
  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  /** When it was last published, or null. */
  public OffsetDateTime getPublishedAt() {
    return publishedAt;
  }
}
