package org.mnemosyne.db.job;

import java.util.Locale;

/** The life of a job. */
public enum JobState {
  /** Created, waiting for a worker. */
  QUEUED,
  /** A worker is on it (or was, until it crashed: see {@link JobLease}). */
  RUNNING,
  /** Done. */
  SUCCEEDED,
  /** Stopped by an error; resumable. */
  FAILED,
  /** Stopped on request; resumable. */
  CANCELLED;

  /** The database value. */
  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** From the database value. */
  public static JobState of(String dbValue) {
    return valueOf(dbValue.toUpperCase(Locale.ROOT));
  }

  /** Whether the job has stopped (successfully or not). */
  public boolean isFinished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /** Whether a new attempt may continue it from its cursor. */
  public boolean isResumable() {
    return this != SUCCEEDED;
  }
}
