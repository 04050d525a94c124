/** The {@code folder} importer: every image in a folder becomes an item. */
package org.mnemosyne.importers.folder;
