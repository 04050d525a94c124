/**
 * Persistence: PostgreSQL is the source of truth. Flyway migrations own the schema, Hibernate
 * entities map it, repository adapters implement the ports of the plugin API.
 */
package org.mnemosyne.db;
