/**
 * The {@code csv} importer: an RFC 4180 reader with limits, column mappings (built-in {@code
 * mnemosyne} and {@code met}, or a properties file) and side tables joined on the id.
 */
package org.mnemosyne.importers.csv;
