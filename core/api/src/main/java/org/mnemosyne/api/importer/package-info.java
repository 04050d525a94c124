/**
 * Collection sources: the extension point through which a plugin adds a way to read collection
 * records (CSV + image folder, IIIF manifests, a museum API...). Importers only read; the host
 * validates, stores, embeds and indexes.
 */
package org.mnemosyne.api.importer;
