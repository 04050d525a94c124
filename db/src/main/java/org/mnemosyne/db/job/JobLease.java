package org.mnemosyne.db.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.mnemosyne.db.jdbc.DataAccessException;

/**
 * The right to work on one job subject (e.g. a collection): a PostgreSQL session advisory lock held
 * on a connection of its own. Only one process holds a subject at a time, and the lock dies with
 * its holder — after a crash or {@code kill -9} the server drops the session and the next worker
 * may take over the job the dead one left in state {@code running}. Close to release. Not
 * thread-safe.
 */
public final class JobLease implements AutoCloseable {
  /** First key of every Mnemosyne advisory lock ("MNEM"). */
  private static final int NAMESPACE = 0x4D4E454D;

  private final Connection connection;
  private final String subject;

  private JobLease(Connection connection, String subject) {
    this.connection = connection;
    this.subject = subject;
  }

  /**
   * Takes the lease if no other session holds it.
   *
   * @return the lease, or empty if another worker holds the subject
   */
  public static Optional<JobLease> tryAcquire(DataSource dataSource, String subject) {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(true);
      try (PreparedStatement st =
          c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
        st.setInt(1, NAMESPACE);
        st.setString(2, subject);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            JobLease lease = new JobLease(c, subject);
            c = null;
            return Optional.of(lease);
          }
          return Optional.empty();
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("take the lease on " + subject, e);
    } finally {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException e) {
          // nothing held
        }
      }
    }
  }

  /** The subject held. */
  public String subject() {
    return subject;
  }

  /** Releases the lease. */
  @Override
  public void close() {
    try (Connection c = connection) {
      try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
        st.setInt(1, NAMESPACE);
        st.setString(2, subject);
        st.execute();
      }
    } catch (SQLException e) {
      // closing the session releases the lock anyway
    }
  }
}
