package org.mnemosyne.explain.provider;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.mnemosyne.api.explain.Explainer;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.explain.Explanation;
import org.mnemosyne.api.explain.ExplanationParameters;
import org.mnemosyne.api.explain.ExplanationRequest;
import org.mnemosyne.api.explain.ImagePair;
import org.mnemosyne.api.explain.SimilarityFunction;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.explain.BilinearGapSimilarity;
import org.mnemosyne.explain.TestImages;

/** Finds the registered providers the way the registry does, and test helpers. */
final class Providers {
  private Providers() {}

  static List<ExplainerProvider> all() {
    return ServiceLoader.load(ExplainerProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .toList();
  }

  static Explainer explainer(String name) {
    ExplainerProvider p =
        all().stream()
            .filter(e -> e.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no provider " + name));
    return p.create(CONTEXT);
  }

  /**
   * Explains two fixed random 24 x 24 images with the named built-in explainer under the synthetic
   * bilinear GAP model (3 x 3 feature cells, 6 channels), for option tests.
   */
  static Explanation explainRandomPair(String name, ExplanationParameters p) {
    return explainer(name)
        .explain(
            ExplanationRequest.builder(
                    TestImages.random(24, 24, 1),
                    TestImages.random(24, 24, 2),
                    new BilinearGapSimilarity(3, 3, 6, 4, true))
                .parameters(p)
                .build());
  }

  /** The same score without the grey-box view. */
  static SimilarityFunction blackBox(SimilarityFunction s) {
    return new SimilarityFunction() {
      @Override
      public String id() {
        return s.id();
      }

      @Override
      public double[] similarity(List<ImagePair> pairs) {
        return s.similarity(pairs);
      }
    };
  }

  static final PluginContext CONTEXT =
      new PluginContext() {
        @Override
        public Optional<String> config(String key) {
          return Optional.empty();
        }

        @Override
        public Map<String, String> configWithPrefix(String prefix) {
          return Map.of();
        }

        @Override
        public Path dataDirectory() {
          return Path.of("target");
        }

        @Override
        public Path sharedDataDirectory() {
          return Path.of("target");
        }

        @Override
        public System.Logger logger() {
          return System.getLogger("test");
        }
      };
}
