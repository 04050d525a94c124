package org.mnemosyne.db.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs units of work in transactions: commit when the work returns, roll back when it throws, so a
 * crash half-way leaves nothing behind. Thread-safe (one connection per call).
 */
public final class Transactor {
  private final DataSource dataSource;

  /** A transactor over a data source. */
  public Transactor(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The data source. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Runs {@code work} in a new transaction on a fresh connection.
   *
   * @param what for the error message, e.g. {@code "store batch"}
   * @throws DataAccessException if the database fails (the transaction is rolled back)
   */
  public <T> T inTransaction(String what, SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return inTransaction(c, what, work);
    } catch (SQLException e) {
      throw new DataAccessException(what, e);
    }
  }

  /**
   * Runs read-only {@code work} of one statement on a fresh connection in auto-commit mode: no
   * transaction round trips (begin, commit) around it — for the lookups of every search request.
   *
   * @throws DataAccessException if the database fails
   */
  public <T> T read(String what, SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new DataAccessException(what, e);
    }
  }

  /**
   * Runs {@code work} in a transaction on a connection the caller owns.
   *
   * @throws DataAccessException if the database fails (the transaction is rolled back)
   */
  public static <T> T inTransaction(Connection c, String what, SqlWork<T> work) {
    try {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(c, e);
        throw e;
      } finally {
        restore(c, autoCommit);
      }
    } catch (SQLException e) {
      throw new DataAccessException(what, e);
    }
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void restore(Connection c, boolean autoCommit) {
    try {
      if (!c.isClosed()) {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      // the connection is broken; its owner will find out on the next call
    }
  }
}
