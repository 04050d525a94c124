/**
 * The {@code lucene-hnsw} index plugin: approximate conditional k-NN with Lucene's HNSW graph, each
 * {@link org.mnemosyne.api.index.Condition} translated exactly into a Lucene filter query and
 * Lucene's own filtered-search policy deciding between graph search and an exact scan of the
 * matches. Built against the plugin API only; Lucene travels relocated inside the plugin jar.
 */
package org.mnemosyne.plugins.lucene;
