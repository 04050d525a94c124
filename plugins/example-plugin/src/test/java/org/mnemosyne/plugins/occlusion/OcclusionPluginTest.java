package org.mnemosyne.plugins.occlusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.explain.Censor;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.explain.Order;
import org.mnemosyne.api.explain.Segmentation;
import org.mnemosyne.api.explain.Side;
import org.mnemosyne.api.explain.SimilarityFunction;
import org.mnemosyne.api.image.RgbImage;
import org.mnemosyne.api.progress.CancellationSource;
import org.mnemosyne.api.progress.CancelledException;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import org.mnemosyne.runtime.plugin.ProviderEntry;

/** Build jar, drop it in a plugins directory, the registry lists it, and it explains. */
class OcclusionPluginTest {
  @TempDir Path home;

  /** Similarity that only looks at the red channel of the target's top-left quadrant. */
  private static final SimilarityFunction TOP_LEFT_RED =
      new SimilarityFunction() {
        @Override
        public String id() {
          return "top-left-red";
        }

        @Override
        public double[] similarity(List<ImagePair> pairs) {
          double[] out = new double[pairs.size()];
          for (int i = 0; i < out.length; i++) {
            RgbImage t = pairs.get(i).target();
            double s = 0;
            for (int y = 0; y < t.height() / 2; y++) {
              for (int x = 0; x < t.width() / 2; x++) {
                s += t.get(0, y, x);
              }
            }
            out[i] = s / (t.width() / 2 * (t.height() / 2));
          }
          return out;
        }
      };

  private PluginRegistry registryWithPluginJar() throws Exception {
    Path plugins = Files.createDirectories(home.resolve("plugins"));
    Path classes = Path.of(System.getProperty("plugin.classes"));
    try (OutputStream out = Files.newOutputStream(plugins.resolve("occlusion-plugin.jar"));
        JarOutputStream jar = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(f));
        jar.closeEntry();
      }
    }
    MnemosyneConfig config = MnemosyneConfig.of(Map.of("mnemosyne.home", home.toString()));
    return PluginRegistry.load(getClass().getClassLoader(), config, DataLayout.from(config));
  }

  private static RgbImage solidRed(int size) {
    float[] planes = new float[3 * size * size];
    java.util.Arrays.fill(planes, 0, size * size, 1f);
    return RgbImage.ofPlanes(size, size, planes);
  }

  @Test
  void registryFindsThePluginOnlyInItsJar() throws Exception {
    PluginRegistry registry = registryWithPluginJar();

    ProviderEntry entry = registry.entries().get(0);
    assertEquals("occlusion", entry.name());
    assertEquals(
        "occlusion-plugin.jar", entry.origin().jar().orElseThrow().getFileName().toString());
    assertTrue(registry.problems().isEmpty(), registry.problems().toString());
  }

  @Test
  void theLoadedPluginExplainsWithTheKnownAnswer() throws Exception {
    PluginRegistry registry = registryWithPluginJar();
    ExplainerProvider provider = registry.require(ExplainerProvider.class, "occlusion");
    Explainer explainer = provider.create(registry.contextFor(provider));
    RgbImage red = solidRed(8);
    AtomicInteger progressCalls = new AtomicInteger();

    Explanation e =
        explainer.explain(
            ExplanationRequest.builder(red, red, TOP_LEFT_RED)
                .parameters(
                    ExplanationParameters.defaults()
                        .withSides(EnumSet.of(Side.TARGET))
                        .withSegmentation(Segmentation.grid(2, 2))
                        .withCensor(Censor.constant(0, 0, 0))
                        .withBatchSize(3))
                .progress((done, total, msg) -> progressCalls.incrementAndGet())
                .build());

    double[] drops = e.map(Side.TARGET).orElseThrow().values();
    assertEquals(1.0, drops[0], 1e-6); // censoring the top-left cell removes all the red
    assertEquals(0.0, drops[1], 1e-6);
    assertEquals(0.0, drops[2], 1e-6);
    assertEquals(0.0, drops[3], 1e-6);
    assertEquals(1.0, e.fullValue(), 1e-6);
    assertEquals(0.0, e.baseValue(), 1e-6);
    assertEquals(6, e.evaluations());
    assertEquals(2, progressCalls.get()); // 6 evaluations in batches of 3
    assertEquals("occlusion", e.explainer());
  }

  @Test
  void itRefusesWhatItCannotDoAndHonoursCancellation() throws Exception {
    PluginRegistry registry = registryWithPluginJar();
    ExplainerProvider provider = registry.require(ExplainerProvider.class, "occlusion");
    Explainer explainer = provider.create(registry.contextFor(provider));
    RgbImage red = solidRed(8);

    assertThrows(
        IllegalArgumentException.class,
        () ->
            explainer.explain(
                ExplanationRequest.builder(red, red, TOP_LEFT_RED)
                    .parameters(ExplanationParameters.defaults().withOrder(Order.JOINT))
                    .build()));
    CancellationSource cancel = new CancellationSource();
    cancel.cancel();
    assertThrows(
        CancelledException.class,
        () ->
            explainer.explain(
                ExplanationRequest.builder(red, red, TOP_LEFT_RED)
                    .parameters(ExplanationParameters.defaults().withCensor(Censor.mean()))
                    .cancellation(cancel)
                    .build()));
  }
}
