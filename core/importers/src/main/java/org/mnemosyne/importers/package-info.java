/**
 * The built-in collection sources: {@code csv} (a CSV file with a column mapping and an image
 * folder), {@code folder} (a plain folder of images) and {@code iiif} (IIIF Presentation 2 and 3
 * manifests and collections). They only read; the host validates, stores, embeds and indexes.
 */
package org.mnemosyne.importers;
