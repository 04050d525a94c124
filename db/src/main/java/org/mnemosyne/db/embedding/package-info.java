/**
 * Stored embeddings (one vector per item, model id and version) and the database-backed {@link
 * org.mnemosyne.api.index.VectorSource} that indexes are rebuilt from.
 */
package org.mnemosyne.db.embedding;
