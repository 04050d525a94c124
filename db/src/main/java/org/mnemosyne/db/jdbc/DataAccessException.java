package org.mnemosyne.db.jdbc;

import java.sql.SQLException;

/** A database operation failed; the message says which and why. */
public class DataAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Wraps a driver exception with what was being done. */
  public DataAccessException(String what, SQLException cause) {
    super(what + ": " + cause.getMessage(), cause);
  }
}
