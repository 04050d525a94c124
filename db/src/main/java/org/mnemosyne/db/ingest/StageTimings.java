package org.mnemosyne.db.ingest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where an import spends its time, per stage (wall-clock, stages run one after another per batch):
 * reading the source and the image bytes, decoding and resizing, the model, and the database.
 * Thread-safe.
 */
public final class StageTimings {
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong decode = new AtomicLong();
  private final AtomicLong model = new AtomicLong();
  private final AtomicLong database = new AtomicLong();

  /** Reading the source and fetching image bytes. */
  public Duration read() {
    return Duration.ofNanos(read.get());
  }

  /** Decoding and resizing images. */
  public Duration decode() {
    return Duration.ofNanos(decode.get());
  }

  /** Running the model. */
  public Duration model() {
    return Duration.ofNanos(model.get());
  }

  /** Database reads and writes. */
  public Duration database() {
    return Duration.ofNanos(database.get());
  }

  void addRead(long nanos) {
    read.addAndGet(nanos);
  }

  void addDecode(long nanos) {
    decode.addAndGet(nanos);
  }

  void addModel(long nanos) {
    model.addAndGet(nanos);
  }

  void addDatabase(long nanos) {
    database.addAndGet(nanos);
  }

  @Override
  public String toString() {
    return String.format(
        "read %.1f s, decode %.1f s, model %.1f s, database %.1f s",
        read.get() / 1e9, decode.get() / 1e9, model.get() / 1e9, database.get() / 1e9);
  }
}
