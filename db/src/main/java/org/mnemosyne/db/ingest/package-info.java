/**
 * Ingest: collections imported as resumable jobs — read records with an importer, validate and
 * normalise them, upsert items by (collection, source id), decode images safely, embed them in
 * batches with the model, store the vectors, and commit progress with each batch. {@link
 * org.mnemosyne.db.ingest.ImportService} is the entry point for the command-line tool and the
 * server alike.
 */
package org.mnemosyne.db.ingest;
