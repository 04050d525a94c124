package org.mnemosyne.web.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.mnemosyne.web.platform.AppVersion;

/** What every page shows about the application ({@code #{app.version}}). */
@Named("app")
@ApplicationScoped
public class AppInfo {
  /** The Mnemosyne version. */
  public String getVersion() {
    return AppVersion.get();
  }
}
