/**
 * Database settings and the embedded PostgreSQL the launcher starts when no external server is
 * configured.
 */
package org.mnemosyne.db.embedded;
