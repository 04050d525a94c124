package org.mnemosyne.db.job;

import java.util.Locale;

/** How bad a per-row problem is. */
public enum Severity {
  /** The row was not imported. */
  ERROR,
  /** The row was imported with a change (e.g. markup removed). */
  WARNING;

  /** The database value. */
  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
