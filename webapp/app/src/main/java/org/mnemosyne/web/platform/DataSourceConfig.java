package org.mnemosyne.web.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's JTA data source, created at deploy time from environment variables that the
 * {@code mnemosyne} launcher (or the integration-test harness) sets after it has started or located
 * PostgreSQL: {@code MNEMOSYNE_DB_URL}, {@code MNEMOSYNE_DB_USER}, {@code MNEMOSYNE_DB_PASSWORD} —
 * the environment names of the {@code mnemosyne.db.*} keys. (An annotation, not web.xml: the
 * descriptor's schema rejects a placeholder as a whole URL.)
 */
@DataSourceDefinition(
    name = "java:app/jdbc/mnemosyne",
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${ENV=MNEMOSYNE_DB_URL}",
    user = "${ENV=MNEMOSYNE_DB_USER}",
    password = "${ENV=MNEMOSYNE_DB_PASSWORD}",
    transactional = true,
    initialPoolSize = 1,
    minPoolSize = 1,
    maxPoolSize = 16)
@ApplicationScoped
public class DataSourceConfig {}
