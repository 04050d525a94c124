/**
 * The catalogue: institutions, collections, items and the facet dictionary, as plain JDBC
 * repositories that run the same in the command-line tool and in the server.
 */
package org.mnemosyne.db.catalog;
