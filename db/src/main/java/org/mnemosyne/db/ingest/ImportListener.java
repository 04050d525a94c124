package org.mnemosyne.db.ingest;

/**
 * Receives progress of an import. Called on the import's thread after each committed batch; must be
 * quick. An exception it throws is ignored.
 */
@FunctionalInterface
public interface ImportListener {
  /** A listener that ignores everything. */
  ImportListener NONE = p -> {};

  /** Reports progress. */
  void progress(ImportProgress progress);
}
