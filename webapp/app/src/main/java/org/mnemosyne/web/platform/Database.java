package org.mnemosyne.web.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.mnemosyne.db.catalog.ItemReader;
import org.mnemosyne.db.jdbc.Transactor;

/**
 * The portal's way into PostgreSQL for plain-JDBC work (the catalogue, vectors, jobs): the
 * application's data source wrapped in a {@link Transactor}, and the shared readers.
 */
@ApplicationScoped
public class Database {
  @Resource(lookup = "java:app/jdbc/mnemosyne")
  DataSource dataSource;

  private volatile Transactor tx;
  private volatile ItemReader items;

  /** Transactions on the application's data source. */
  public Transactor tx() {
    Transactor t = tx;
    if (t == null) {
      t = new Transactor(dataSource);
      tx = t;
    }
    return t;
  }

  /** Items for display, with their vectors. */
  public ItemReader items() {
    ItemReader r = items;
    if (r == null) {
      r = new ItemReader(tx());
      items = r;
    }
    return r;
  }
}
