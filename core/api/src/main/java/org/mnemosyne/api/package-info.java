/**
 * The Mnemosyne plugin API: everything a third party needs to add an embedding model, an explainer,
 * a conditional index or a collection importer, and nothing else (no JPA, Faces or DJL types).
 * Providers are discovered with {@link java.util.ServiceLoader}; see {@link
 * org.mnemosyne.api.plugin.PluginProvider}.
 */
package org.mnemosyne.api;
