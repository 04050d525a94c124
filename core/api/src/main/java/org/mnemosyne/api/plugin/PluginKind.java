package org.mnemosyne.api.plugin;

/** The extension points of Mnemosyne, one per provider interface. */
public enum PluginKind {
  /** {@link org.mnemosyne.api.model.EmbeddingModelProvider}. */
  MODEL,
  /** {@link org.mnemosyne.api.explain.ExplainerProvider}. */
  EXPLAINER,
  /** {@link org.mnemosyne.api.index.IndexProvider}. */
  INDEX,
  /** {@link org.mnemosyne.api.importer.ImporterProvider}. */
  IMPORTER
}
