package org.mnemosyne.api.importer;

/**
 * Receives what an importer reads. A bad row is {@linkplain #reject rejected} with its reason and
 * the import goes on; nothing is lost silently. Called from the importer's thread.
 */
public interface RecordSink {

  /** Accepts a well-formed record. */
  void accept(ImportRecord record);

  /**
   * Reports a row that could not be read.
   *
   * @param where the row's position for people, e.g. {@code metadata.csv line 17}
   * @param reason what is wrong with it
   */
  void reject(String where, String reason);
}
