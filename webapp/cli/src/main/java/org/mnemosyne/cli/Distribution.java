package org.mnemosyne.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The built distribution this launcher runs from: {@code <dist>/mnemosyne.jar} (this code), {@code
 * <dist>/lib/}, {@code <dist>/server/payara-micro.jar} and {@code <dist>/server/mnemosyne.war}.
 *
 * @param home the distribution directory
 */
record Distribution(Path home) {

  static Distribution locate() {
    try {
      Path jar =
          Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Distribution d = new Distribution(jar.getParent());
      if (!Files.isRegularFile(d.war()) || !Files.isRegularFile(d.payaraMicro())) {
        throw new IllegalStateException(
            "the server files are missing from "
                + d.home()
                + "/server; build the distribution with: mvn -DskipTests package");
      }
      return d;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the distribution: " + e.getMessage(), e);
    }
  }

  Path war() {
    return home.resolve("server/mnemosyne.war");
  }

  Path payaraMicro() {
    return home.resolve("server/payara-micro.jar");
  }
}
