package org.mnemosyne.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnemosyneConfigTest {
  @TempDir Path home;

  @Test
  void systemPropertyBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
    Files.writeString(
        home.resolve("mnemosyne.properties"),
        "mnemosyne.db.url=jdbc:file\nmnemosyne.http.port=9000\nmnemosyne.db.user=fileuser\n");
    Map<String, String> env =
        Map.of(
            "MNEMOSYNE_HOME",
            home.toString(),
            "MNEMOSYNE_DB_URL",
            "jdbc:env",
            "MNEMOSYNE_HTTP_PORT",
            "9100");
    Map<String, String> sys = Map.of("mnemosyne.db.url", "jdbc:sys");

    MnemosyneConfig c = MnemosyneConfig.from(sys, env);

    assertEquals("jdbc:sys", c.get(ConfigKey.DB_URL).orElseThrow());
    assertEquals(9100, c.getInt(ConfigKey.HTTP_PORT, 8080));
    assertEquals("fileuser", c.get(ConfigKey.DB_USER).orElseThrow());
    assertEquals("127.0.0.1", c.get(ConfigKey.HTTP_HOST, "127.0.0.1"));
    assertEquals("system property mnemosyne.db.url", c.sourceOf("mnemosyne.db.url"));
    assertEquals("environment variable MNEMOSYNE_HTTP_PORT", c.sourceOf("mnemosyne.http.port"));
    assertTrue(c.sourceOf("mnemosyne.db.user").startsWith("file "));
  }

  @Test
  void environmentNamesFollowMicroProfileConfig() {
    assertEquals("MNEMOSYNE_DB_URL", ConfigKey.DB_URL.environmentName());
    assertEquals("MNEMOSYNE_DB_EMBEDDED_PORT", ConfigKey.DB_EMBEDDED_PORT.environmentName());
  }

  @Test
  void aBadIntegerNamesTheKeyAndItsSource() {
    MnemosyneConfig c =
        MnemosyneConfig.from(
            Map.of(), Map.of("MNEMOSYNE_HOME", home.toString(), "MNEMOSYNE_HTTP_PORT", "eighty"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> c.getInt(ConfigKey.HTTP_PORT, 8080));
    assertTrue(e.getMessage().contains("MNEMOSYNE_HTTP_PORT"), e.getMessage());
  }

  @Test
  void blankValuesCountAsUnset() {
    MnemosyneConfig c =
        MnemosyneConfig.from(
            Map.of("mnemosyne.db.url", " "), Map.of("MNEMOSYNE_HOME", home.toString()));
    assertFalse(c.get(ConfigKey.DB_URL).isPresent());
  }

  @Test
  void layoutPutsEverythingUnderHomeUnlessOverridden() {
    Path plugins = home.resolve("elsewhere");
    MnemosyneConfig c =
        MnemosyneConfig.of(
            Map.of(
                "mnemosyne.home",
                home.toString(),
                "mnemosyne.plugins.dir",
                plugins.toString(),
                "mnemosyne.shared.dir",
                home.resolve("shared").toString()));
    DataLayout layout = DataLayout.from(c);
    assertEquals(home.resolve("pg"), layout.postgresDir());
    assertEquals(home.resolve("index"), layout.indexDir());
    assertEquals(plugins, layout.pluginsDir());
    assertTrue(layout.pluginsDirConfigured());
    assertEquals(
        home.resolve("shared/data/models/" + DataLayout.DEFAULT_MODEL),
        layout.modelDir().orElseThrow());
    layout.ensureCreated();
    assertTrue(Files.isDirectory(home.resolve("uploads")));
    assertFalse(Files.exists(plugins), "a configured plugins dir is never created silently");
  }

  @Test
  void theSharedFolderIsFoundBesideAnAncestor() throws Exception {
    Path deep = Files.createDirectories(home.resolve("main/webapp/cli/target"));
    Files.createDirectories(home.resolve("shared/data"));
    assertEquals(home.resolve("shared"), SharedDirectoryLocator.search(deep).orElseThrow());
  }
}
