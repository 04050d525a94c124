package org.mnemosyne.api.importer;

/**
 * Receives what an importer reads. A bad row is {@linkplain #reject rejected} with its reason and
 * the import goes on; nothing is lost silently. Called from the importer's thread.
 */
public interface RecordSink {

  /** Accepts a well-formed record. */
  void accept(ImportRecord record);

  /**
   * Accepts a well-formed record and says where it was read, so that a problem the host finds later
   * (a missing image, a duplicate id) is reported at that place. The default forgets the place;
   * hosts override it.
   *
   * @param where the record's position for people, e.g. {@code metadata.csv line 17}
   * @param record the record
   */
  default void accept(String where, ImportRecord record) {
    accept(record);
  }

  /**
   * Reports a row that could not be read.
   *
   * @param where the row's position for people, e.g. {@code metadata.csv line 17}
   * @param reason what is wrong with it
   */
  void reject(String where, String reason);
}
