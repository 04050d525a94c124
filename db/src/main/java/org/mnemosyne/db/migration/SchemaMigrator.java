package org.mnemosyne.db.migration;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database's schema up to date with the migrations in {@code classpath:db/migration}. Safe
 * to call at every start and from several processes: Flyway takes a lock and applies each migration
 * once.
 */
public final class SchemaMigrator {
  private SchemaMigrator() {}

  /**
   * Migrates.
   *
   * @return the schema version after migrating
   * @throws org.flywaydb.core.api.FlywayException if a migration fails (nothing half-applied:
   *     PostgreSQL runs each migration in a transaction)
   */
  public static String migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure(SchemaMigrator.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load()
            .migrate();
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : String.valueOf(result.initialSchemaVersion);
  }
}
