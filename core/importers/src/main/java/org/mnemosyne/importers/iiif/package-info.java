/**
 * The {@code iiif} importer: IIIF Presentation 2 and 3 manifests and collections, followed with
 * bounded depth, count, size and time, and a visited set.
 */
package org.mnemosyne.importers.iiif;
