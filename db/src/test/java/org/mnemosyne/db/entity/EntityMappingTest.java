package org.mnemosyne.db.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnemosyne.db.account.UserRepository;
import org.mnemosyne.db.catalog.CatalogRepository;
import org.mnemosyne.db.catalog.CollectionStatus;
import org.mnemosyne.db.catalog.Slug;
import org.mnemosyne.db.jdbc.Transactor;
import org.mnemosyne.db.testing.TestDatabase;

/**
 * The JPA entities against the schema Flyway made: Hibernate validates every mapped column and type
 * at start, entities round-trip, the schema's rules and the entities' own rules hold, and what the
 * entities write is what the JDBC repositories read.
 */
class EntityMappingTest {
  private static DataSource ds;
  private static EntityManagerFactory emf;

  @BeforeAll
  static void start() {
    ds = TestDatabase.fresh();
    Configuration cfg = new Configuration();
    Entities.ALL.forEach(cfg::addAnnotatedClass);
    cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds);
    cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
    emf = cfg.buildSessionFactory();
  }

  @AfterAll
  static void stop() {
    if (emf != null) {
      emf.close();
    }
  }

  private static <T> T inTx(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private static void run(Consumer<EntityManager> work) {
    inTx(
        em -> {
          work.accept(em);
          return null;
        });
  }

  @Test
  void aCollectionIsADraftUntilPublishedAndTheJdbcSideSeesTheSame() {
    long id =
        inTx(
            em -> {
              InstitutionEntity i =
                  new InstitutionEntity(
                      new Slug("rijks"), " Rijksmuseum ", "https://rijksmuseum.nl");
              em.persist(i);
              CollectionEntity c = new CollectionEntity(i, new Slug("prints"), "Prints", "");
              em.persist(c);
              return c.getId();
            });
    CatalogRepository jdbc = new CatalogRepository(new Transactor(ds));
    var read = jdbc.findCollection(id).orElseThrow();
    assertEquals(CollectionStatus.DRAFT, read.status());
    assertFalse(read.active(), "a draft is not shown");
    assertEquals("Rijksmuseum", read.institution().name(), "names are stripped");

    run(em -> em.find(CollectionEntity.class, id).publish());
    assertTrue(jdbc.findCollection(id).orElseThrow().active());
    CollectionEntity published = inTx(em -> em.find(CollectionEntity.class, id));
    assertNotNull(published.getPublishedAt());
    assertEquals("Rijksmuseum", published.getInstitution().getName(), "institution loaded");

    jdbc.withdrawCollection(id, "rights");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> run(em -> em.find(CollectionEntity.class, id).publish()));
    assertTrue(e.getMessage().contains("withdrawn"), e.getMessage());
  }

  @Test
  void theSchemaRefusesWhatItShouldAndTheEntitiesSayWhy() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new InstitutionEntity(new Slug("x"), "  ", null),
        "blank name");
    assertThrows(
        IllegalArgumentException.class,
        () -> new InstitutionEntity(new Slug("x"), "X", "javascript:alert(1)"),
        "home page must be http(s)");
    run(em -> em.persist(new InstitutionEntity(new Slug("dup"), "First", null)));
    assertThrows(
        PersistenceException.class,
        () -> run(em -> em.persist(new InstitutionEntity(new Slug("dup"), "Second", null))),
        "slugs are unique");
    assertEquals(
        "First",
        inTx(
            em ->
                em.createQuery(
                        "select i from Institution i where i.slug = 'dup'", InstitutionEntity.class)
                    .getSingleResult()
                    .getName()),
        "the failed insert changed nothing");
  }

  @Test
  void usersKeepRolesAndAnInstitutionScope() {
    long userId =
        inTx(
            em -> {
              InstitutionEntity i = new InstitutionEntity(new Slug("met"), "The Met", null);
              em.persist(i);
              UserAccountEntity u =
                  new UserAccountEntity(
                      "Curator.One", "Curator One", "hash", List.of("curator"), i);
              em.persist(u);
              return u.getId();
            });
    UserAccountEntity u = inTx(em -> em.find(UserAccountEntity.class, userId));
    assertEquals("curator.one", u.getUsername(), "user names are lower-case");
    assertEquals(Set.of("curator"), u.getRoles());
    assertEquals("met", u.getInstitution().getSlug().value());
    assertFalse(new UserRepository(new Transactor(ds)).anyAdmin());

    run(em -> em.find(UserAccountEntity.class, userId).setRoles(List.of("admin", "curator")));
    assertEquals(
        Set.of("admin", "curator"),
        inTx(em -> em.find(UserAccountEntity.class, userId)).getRoles());
    assertTrue(new UserRepository(new Transactor(ds)).anyAdmin(), "JDBC sees the new role");

    assertThrows(
        IllegalArgumentException.class,
        () -> new UserAccountEntity("x", null, "h", List.of("root"), null),
        "unknown role");
    assertThrows(
        IllegalArgumentException.class,
        () -> new UserAccountEntity("bad name!", null, "h", List.of("admin"), null),
        "malformed name");
    assertThrows(
        IllegalArgumentException.class,
        () -> new UserAccountEntity("nobody", null, "h", List.of(), null),
        "no role");
  }
}
