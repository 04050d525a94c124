package org.mnemosyne.web.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mnemosyne.db.entity.ServerStart;
import org.mnemosyne.db.migration.SchemaMigrator;
import org.mnemosyne.runtime.plugin.PluginRegistry;

/**
 * At deploy: migrates the schema (a no-op when the launcher already did), records the start, and
 * logs what was discovered. A failure here fails the deployment: nothing half-started.
 */
@ApplicationScoped
public class StartupRecorder {
  private static final Logger LOG = Logger.getLogger(StartupRecorder.class.getName());

  @Resource(lookup = "java:app/jdbc/mnemosyne")
  DataSource dataSource;

  @Inject ServerStartLog starts;
  @Inject PluginRegistry registry;
  @Inject org.mnemosyne.web.security.AdminBootstrap admins;

  private volatile String schemaVersion = "unknown";

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    schemaVersion = SchemaMigrator.migrate(dataSource);
    ServerStart s = starts.record();
    admins.ensureFirstAdmin();
    LOG.info(
        () ->
            "Mnemosyne "
                + AppVersion.get()
                + " started (start #"
                + s.getId()
                + ", schema "
                + schemaVersion
                + "); providers: "
                + registry.entries().size()
                + ", plugin problems: "
                + registry.problems().size());
  }

  /** The schema version after the migration at start. */
  public String schemaVersion() {
    return schemaVersion;
  }
}
