package org.mnemosyne.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.mnemosyne.db.entity.ServerStart;

/** Records and reads the portal's starts through JPA (Hibernate). */
@ApplicationScoped
public class ServerStartLog {
  @PersistenceContext(unitName = "mnemosyne")
  EntityManager em;

  /** Records a start now and returns it (with its database id). */
  @Transactional
  public ServerStart record() {
    ServerStart s =
        new ServerStart(OffsetDateTime.now(), AppVersion.get(), System.getProperty("java.version"));
    em.persist(s);
    return s;
  }

  /** How many starts have been recorded. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long count() {
    return em.createQuery("select count(s) from ServerStart s", Long.class).getSingleResult();
  }

  /** The first recorded start. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ServerStart> first() {
    return em
        .createQuery("select s from ServerStart s order by s.id", ServerStart.class)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  /** The JPA provider actually in use (its session factory class). */
  public String jpaProvider() {
    return em.getEntityManagerFactory().getClass().getName();
  }
}
