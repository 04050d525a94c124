package org.mnemosyne.web.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, from a resource filtered by Maven. */
public final class AppVersion {
  private static final String VERSION = read();

  private AppVersion() {}

  /** E.g. {@code 0.1.0-SNAPSHOT}. */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in =
        AppVersion.class.getResourceAsStream("/org/mnemosyne/web/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
