package org.mnemosyne.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.plugin.PluginApi;
import org.mnemosyne.api.plugin.PluginKind;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;

class PluginRegistryTest {
  @TempDir Path home;

  private PluginRegistry load(Path pluginsDir) {
    MnemosyneConfig config =
        MnemosyneConfig.of(
            Map.of(
                "mnemosyne.home", home.toString(), "mnemosyne.plugins.dir", pluginsDir.toString()));
    return PluginRegistry.load(getClass().getClassLoader(), config, DataLayout.from(config));
  }

  private Path plugins() throws Exception {
    return Files.createDirectories(home.resolve("plugins"));
  }

  private static PluginJarBuilder explainer(String cls, String name) {
    return new PluginJarBuilder()
        .source(cls, PluginJarBuilder.explainerProvider(cls, name, "PluginApi.VERSION", ""))
        .service(ExplainerProvider.class, cls);
  }

  @Test
  void providerInAJarIsListedWithItsOriginAndCanBeCreated() throws Exception {
    Path dir = plugins();
    explainer("Good", "good-one").build(dir.resolve("good.jar"));

    PluginRegistry registry = load(dir);

    ProviderEntry e = registry.entries(PluginKind.EXPLAINER).get(0);
    assertEquals("good-one", e.name());
    assertEquals("1.0", e.version());
    assertEquals("good.jar", e.origin().jar().orElseThrow().getFileName().toString());
    assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    ExplainerProvider p = registry.require(ExplainerProvider.class, "good-one");
    assertTrue(p.getClass().getClassLoader().getName().contains("good.jar"));
    assertTrue(registry.contextFor(p).dataDirectory().startsWith(home));
  }

  @Test
  void eachJarGetsItsOwnClassLoader() throws Exception {
    Path dir = plugins();
    explainer("A", "a").build(dir.resolve("a.jar"));
    explainer("B", "b").build(dir.resolve("b.jar"));

    PluginRegistry registry = load(dir);

    ClassLoader a = registry.require(ExplainerProvider.class, "a").getClass().getClassLoader();
    ClassLoader b = registry.require(ExplainerProvider.class, "b").getClass().getClassLoader();
    assertFalse(a == b);
    assertTrue(a.getParent() == PluginApi.class.getClassLoader());
  }

  @Test
  void aFileThatIsNotAJarIsReportedAndTheOthersStillLoad() throws Exception {
    Path dir = plugins();
    Files.writeString(dir.resolve("broken.jar"), "this is not a zip file");
    explainer("Good", "good-one").build(dir.resolve("good.jar"));

    PluginRegistry registry = load(dir);

    assertEquals(List.of("good-one"), names(registry));
    PluginProblem problem = registry.problems().get(0);
    assertEquals("broken.jar", problem.source());
    assertTrue(problem.reason().contains("not a valid jar"), problem.reason());
  }

  @Test
  void aProviderWhoseConstructorThrowsIsReportedWithTheCause() throws Exception {
    Path dir = plugins();
    new PluginJarBuilder()
        .source(
            "Boom",
            PluginJarBuilder.explainerProvider(
                "Boom",
                "boom",
                "PluginApi.VERSION",
                "throw new IllegalStateException(\"no GPU\");"))
        .service(ExplainerProvider.class, "Boom")
        .build(dir.resolve("boom.jar"));
    explainer("Good", "good-one").build(dir.resolve("good.jar"));

    PluginRegistry registry = load(dir);

    assertEquals(List.of("good-one"), names(registry));
    assertEquals(1, registry.problems().size());
    assertTrue(registry.problems().get(0).source().startsWith("boom.jar"));
    assertTrue(registry.problems().get(0).reason().contains("no GPU"));
  }

  @Test
  void aProviderBuiltAgainstAnotherApiVersionIsRefused() throws Exception {
    Path dir = plugins();
    new PluginJarBuilder()
        .source("Old", PluginJarBuilder.explainerProvider("Old", "old", "0", ""))
        .service(ExplainerProvider.class, "Old")
        .build(dir.resolve("old.jar"));

    PluginRegistry registry = load(dir);

    assertTrue(registry.entries().isEmpty());
    assertTrue(registry.problems().get(0).reason().contains("plugin API 0"));
  }

  @Test
  void aDuplicateNameIsRefusedNamingBothOrigins() throws Exception {
    Path dir = plugins();
    explainer("First", "same").build(dir.resolve("a-first.jar"));
    explainer("Second", "same").build(dir.resolve("b-second.jar"));

    PluginRegistry registry = load(dir);

    assertEquals(List.of("same"), names(registry));
    assertEquals(
        "a-first.jar",
        registry.entries().get(0).origin().jar().orElseThrow().getFileName().toString());
    PluginProblem p = registry.problems().get(0);
    assertEquals("b-second.jar", p.source());
    assertTrue(p.reason().contains("duplicate") && p.reason().contains("a-first.jar"), p.reason());
  }

  @Test
  void anInvalidNameIsRefused() throws Exception {
    Path dir = plugins();
    explainer("Bad", "Bad Name").build(dir.resolve("bad.jar"));

    PluginRegistry registry = load(dir);

    assertTrue(registry.entries().isEmpty());
    assertTrue(registry.problems().get(0).reason().contains("invalid name"));
  }

  @Test
  void aJarWithoutProvidersIsReported() throws Exception {
    Path dir = plugins();
    new PluginJarBuilder().build(dir.resolve("empty.jar"));

    PluginRegistry registry = load(dir);

    assertTrue(registry.problems().get(0).reason().contains("no provider"));
  }

  @Test
  void aMissingConfiguredDirectoryIsReportedNotFatal() {
    PluginRegistry registry = load(home.resolve("does-not-exist"));

    assertTrue(registry.entries().isEmpty());
    assertTrue(registry.problems().get(0).reason().contains("does not exist"));
  }

  @Test
  void requireNamesTheKnownProvidersWhenMissing() throws Exception {
    Path dir = plugins();
    explainer("Good", "good-one").build(dir.resolve("good.jar"));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> load(dir).require(ExplainerProvider.class, "nope"));
    assertTrue(e.getMessage().contains("good-one"));
  }

  private static List<String> names(PluginRegistry r) {
    return r.entries().stream().map(ProviderEntry::name).toList();
  }
}
