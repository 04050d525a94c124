package org.mnemosyne.db.entity;

import java.util.List;

/** Every JPA entity and converter of the schema, for bootstrapping outside a container. */
public final class Entities {
  /**
   * The managed classes; the portal's {@code persistence.xml} lists the same (a container does not
   * read this list).
   */
  public static final List<Class<?>> ALL =
      List.of(
          ServerStart.class,
          InstitutionEntity.class,
          CollectionEntity.class,
          UserAccountEntity.class,
          CollectionStatusConverter.class);

  private Entities() {}
}
