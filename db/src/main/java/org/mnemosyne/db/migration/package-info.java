/** Applies the Flyway migrations shipped in {@code db/migration} of this module. */
package org.mnemosyne.db.migration;
