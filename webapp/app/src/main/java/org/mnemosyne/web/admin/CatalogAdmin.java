package org.mnemosyne.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mnemosyne.db.catalog.CatalogRepository;
import org.mnemosyne.db.catalog.Slug;
import org.mnemosyne.db.entity.CollectionEntity;
import org.mnemosyne.db.entity.InstitutionEntity;
import org.mnemosyne.web.platform.Database;
import org.mnemosyne.web.search.NotFoundException;

/**
 * Institutions and collections as admins edit them, through JPA (Hibernate): create, rename,
 * describe, publish a draft, hide it again. Every method takes the caller's {@link AdminScope}: an
 * admin of one institution sees and changes only that institution's collections. Taking a
 * collection down goes through {@link CatalogRepository#withdrawCollection}, which also withdraws
 * its items and deletes their cached explanations in one transaction.
 */
@ApplicationScoped
public class CatalogAdmin {
  @PersistenceContext(unitName = "mnemosyne")
  EntityManager em;

  @Inject Database database;

  /** The institutions the admin manages, by slug, with their collection counts. */
  @Transactional
  public List<InstitutionRow> institutions(AdminScope scope) {
    Map<Long, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select c.institution.id, count(c) from Collection c group by c.institution.id",
                Object[].class)
            .getResultList()) {
      counts.put((Long) row[0], (Long) row[1]);
    }
    return em
        .createQuery("select i from Institution i order by i.slug", InstitutionEntity.class)
        .getResultList()
        .stream()
        .filter(i -> scope.allows(i.getId()))
        .map(
            i ->
                new InstitutionRow(
                    i.getId(),
                    i.getSlug().value(),
                    i.getName(),
                    i.getHomepage() == null ? "" : i.getHomepage(),
                    counts.getOrDefault(i.getId(), 0L)))
        .toList();
  }

  /**
   * Creates an institution (portal-wide admins only).
   *
   * @throws IllegalArgumentException for a malformed or taken slug, a blank name or a bad address
   */
  @Transactional
  public long createInstitution(AdminScope scope, String slug, String name, String homepage) {
    scope.requireSiteWide("create institutions");
    Slug s = slug(slug);
    if (findInstitution(s) != null) {
      throw new IllegalArgumentException("an institution '" + s + "' exists already");
    }
    InstitutionEntity i = new InstitutionEntity(s, name, homepage);
    em.persist(i);
    return i.getId();
  }

  /** Renames an institution or changes its home page. */
  @Transactional
  public void updateInstitution(AdminScope scope, long id, String name, String homepage) {
    InstitutionEntity i = institution(id);
    scope.require(i.getId(), "edit institution " + i.getSlug());
    i.update(name, homepage);
  }

  /** The collections the admin manages, by slug, with their active item counts. */
  @Transactional
  public List<CollectionRow> collections(AdminScope scope) {
    Map<Long, Long> items = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT collection_id, count(*) FROM item WHERE status = 'active'"
                    + " GROUP BY collection_id")
            .getResultList()) {
      Object[] r = (Object[]) row;
      items.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
    }
    return em
        .createQuery("select c from Collection c order by c.slug", CollectionEntity.class)
        .getResultList()
        .stream()
        .filter(c -> scope.allows(c.getInstitution().getId()))
        .map(c -> row(c, items.getOrDefault(c.getId(), 0L)))
        .toList();
  }

  /** The published collections, by slug, with their item counts: what visitors can search. */
  @Transactional
  public List<CollectionRow> published() {
    return collections(new AdminScope("", Optional.empty())).stream()
        .filter(CollectionRow::active)
        .toList();
  }

  private static CollectionRow row(CollectionEntity c, long items) {
    return new CollectionRow(
        c.getId(),
        c.getSlug().value(),
        c.getName(),
        c.getDescription() == null ? "" : c.getDescription(),
        c.getInstitution().getName(),
        c.getInstitution().getSlug().value(),
        items,
        c.getStatus().dbValue());
  }

  /**
   * Creates a draft collection in an institution: it can be imported into and checked, and stays
   * hidden from visitors until published.
   *
   * @throws IllegalArgumentException for a malformed or taken slug or a blank name
   */
  @Transactional
  public long createCollection(
      AdminScope scope, String institutionSlug, String slug, String name, String description) {
    InstitutionEntity i = findInstitution(slug(institutionSlug));
    if (i == null) {
      throw new IllegalArgumentException("no institution '" + institutionSlug + "'");
    }
    scope.require(i.getId(), "add collections to " + i.getSlug());
    Slug s = slug(slug);
    if (findCollection(s) != null) {
      throw new IllegalArgumentException(
          "a collection '" + s + "' exists already (collection slugs are unique in the portal)");
    }
    CollectionEntity c = new CollectionEntity(i, s, name, description);
    em.persist(c);
    return c.getId();
  }

  /** Renames or re-describes a collection. */
  @Transactional
  public void updateCollection(AdminScope scope, long id, String name, String description) {
    managed(scope, id, "edit").update(name, description);
  }

  /** Publishes a draft: its items become searchable within the index's recheck interval. */
  @Transactional
  public void publish(AdminScope scope, long id) {
    managed(scope, id, "publish").publish();
  }

  /** Hides a published collection again (it becomes a draft; its items are kept). */
  @Transactional
  public void unpublish(AdminScope scope, long id) {
    managed(scope, id, "unpublish").unpublish();
  }

  /**
   * Takes a collection down for good: its items are withdrawn and their cached explanations
   * deleted.
   *
   * @return the number of items withdrawn
   */
  public int withdraw(AdminScope scope, long id, String reason) {
    checkCollection(scope, id, "withdraw");
    return new CatalogRepository(database.tx()).withdrawCollection(id, reason);
  }

  /**
   * Checks that the admin manages a collection.
   *
   * @throws NotFoundException if there is none with that id
   * @throws AdminPermissionException if it belongs to another institution
   */
  @Transactional
  public void checkCollection(AdminScope scope, long id, String what) {
    managed(scope, id, what);
  }

  /** The id of the institution with that slug, if any. */
  @Transactional
  public Optional<Long> institutionId(String slug) {
    InstitutionEntity i = findInstitution(slug(slug));
    return i == null ? Optional.empty() : Optional.of(i.getId());
  }

  /** The collection with that slug, if any, as a row (no item count). */
  @Transactional
  public Optional<CollectionRow> collection(String slug) {
    CollectionEntity c = findCollection(slug(slug));
    return c == null ? Optional.empty() : Optional.of(row(c, -1));
  }

  private CollectionEntity managed(AdminScope scope, long id, String what) {
    CollectionEntity c = em.find(CollectionEntity.class, id);
    if (c == null) {
      throw new NotFoundException("no collection " + id);
    }
    scope.require(c.getInstitution().getId(), what + " collection " + c.getSlug());
    return c;
  }

  private InstitutionEntity institution(long id) {
    InstitutionEntity i = em.find(InstitutionEntity.class, id);
    if (i == null) {
      throw new NotFoundException("no institution " + id);
    }
    return i;
  }

  private InstitutionEntity findInstitution(Slug slug) {
    return findInstitution(em, slug);
  }

  /** The institution with that slug in a persistence context, or null. */
  static InstitutionEntity findInstitution(EntityManager em, Slug slug) {
    return em.createQuery("select i from Institution i where i.slug = :s", InstitutionEntity.class)
        .setParameter("s", slug.value())
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private CollectionEntity findCollection(Slug slug) {
    return em.createQuery("select c from Collection c where c.slug = :s", CollectionEntity.class)
        .setParameter("s", slug.value())
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private static Slug slug(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a slug is required");
    }
    return new Slug(text.strip().toLowerCase(Locale.ROOT));
  }
}
