/** A strict, bounded JSON reader for documents fetched from other servers (IIIF manifests). */
package org.mnemosyne.importers.json;
