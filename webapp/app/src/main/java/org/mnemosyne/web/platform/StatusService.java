package org.mnemosyne.web.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import org.mnemosyne.runtime.plugin.ProviderEntry;

/** Assembles {@link PortalStatus}: the facade behind the start page and the info endpoint. */
@ApplicationScoped
public class StatusService {
  @Resource(lookup = "java:app/jdbc/mnemosyne")
  DataSource dataSource;

  @Inject PluginRegistry registry;
  @Inject ServerStartLog starts;
  @Inject ModelService models;
  @Inject StartupRecorder startup;

  /** The current status; cheap (one metadata lookup and one count). */
  public PortalStatus status() {
    return new PortalStatus(
        AppVersion.get(),
        System.getProperty("java.version"),
        database(),
        registry.entries().stream().map(StatusService::plugin).toList(),
        registry.problems().stream()
            .map(p -> new PortalStatus.Problem(p.source(), p.reason()))
            .toList(),
        model());
  }

  private PortalStatus.Database database() {
    String product;
    String url;
    String user;
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      product = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
      url = md.getURL();
      int query = url.indexOf('?');
      url = query < 0 ? url : url.substring(0, query); // driver defaults, not settings
      user = md.getUserName();
    } catch (SQLException e) {
      product = "unreachable: " + e.getMessage();
      url = "";
      user = "";
    }
    return new PortalStatus.Database(
        product,
        url,
        user,
        startup.schemaVersion(),
        starts.count(),
        starts.first().map(s -> s.getStartedAt().toString()).orElse(""),
        starts.jpaProvider());
  }

  private PortalStatus.Model model() {
    return models
        .infoIfLoaded()
        .map(
            i ->
                new PortalStatus.Model(
                    "loaded", i.id(), i.version(), i.dimension(), i.engine(), i.device(), ""))
        .orElseGet(
            () ->
                models
                    .failure()
                    .map(f -> new PortalStatus.Model("failed", "", "", 0, "", "", f))
                    .orElse(new PortalStatus.Model("not loaded", "", "", 0, "", "", "")));
  }

  private static PortalStatus.Plugin plugin(ProviderEntry e) {
    return new PortalStatus.Plugin(
        e.kind().name().toLowerCase(Locale.ROOT),
        e.name(),
        e.version(),
        e.description(),
        e.capabilities().stream().sorted().toList(),
        e.origin().toString());
  }

  /** The providers, for pages that list them. */
  public List<ProviderEntry> entries() {
    return registry.entries();
  }
}
