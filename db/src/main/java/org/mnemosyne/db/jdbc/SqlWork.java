package org.mnemosyne.db.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of database work on one connection.
 *
 * @param <T> what it returns
 */
@FunctionalInterface
public interface SqlWork<T> {
  /** Does the work. */
  T run(Connection connection) throws SQLException;
}
