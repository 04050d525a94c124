package org.mnemosyne.index.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.plugin.PluginContext;

/**
 * The methods of a side-by-side run, by name:
 *
 * <ul>
 *   <li>{@code scalar-bf}, {@code simd-bf}: brute force over the subset (ids computed once per
 *       condition outside the timing), plain Java and Vector API;
 *   <li>{@code simd-bf-filter}: SIMD brute force testing every item's facet value per query;
 *   <li>{@code paper-tree}: the paper's conditional ball tree ({@code conditional-ball-tree} with
 *       leaf 64 and the postings fallback off);
 *   <li>{@code lucene-hnsw}: the approximate plugin, one method {@code lucene-hnsw c=N} per
 *       candidates value (the index is built once and loaded again for each);
 *   <li>any other name: the index provider of that name with its configured settings ({@code
 *       bounded-scan}, {@code exact-scan}, ...).
 * </ul>
 *
 * Built indexes are saved under the cache folder (when given) and loaded by later runs.
 */
public final class BenchMethods {
  /** The provider of the approximate competitor. */
  public static final String LUCENE = "lucene-hnsw";

  private BenchMethods() {}

  /**
   * Creates the methods in the order named.
   *
   * @param names method names
   * @param c the collection
   * @param providers the index provider of a name (throws if unknown)
   * @param contexts the host's context of a provider
   * @param candidates Lucene candidates values (one method each)
   * @param cacheDir folder for built indexes of this collection, or null
   * @param log progress lines
   * @throws IOException if an index cannot be saved
   */
  public static List<BenchMethod> create(
      List<String> names,
      BenchCollection c,
      Function<String, IndexProvider> providers,
      Function<IndexProvider, PluginContext> contexts,
      List<Integer> candidates,
      Path cacheDir,
      PrintStream log)
      throws IOException {
    List<BenchMethod> out = new ArrayList<>();
    for (String name : names) {
      switch (name) {
        case "scalar-bf" -> out.add(BenchMethod.bruteForce(c, false));
        case "simd-bf" -> out.add(BenchMethod.bruteForce(c, true));
        case "simd-bf-filter" -> out.add(BenchMethod.bruteForceFiltering(c));
        case "paper-tree" -> {
          IndexProvider p = providers.apply("conditional-ball-tree");
          Map<String, String> s = new LinkedHashMap<>();
          s.put("mnemosyne.plugin.conditional-ball-tree.leaf-size", "64");
          s.put("mnemosyne.plugin.conditional-ball-tree.fallback", "0");
          out.add(
              IndexMethod.open(
                  name,
                  p,
                  new SettingsContext(contexts.apply(p), s),
                  c,
                  file(cacheDir, name),
                  log));
        }
        case LUCENE -> {
          IndexProvider p = providers.apply(LUCENE);
          // Built once, loaded again for every other candidates value.
          Path dir = cacheDir != null ? cacheDir : java.nio.file.Files.createTempDirectory("bench");
          for (int cand : candidates) {
            out.add(
                IndexMethod.open(
                    LUCENE + " c=" + cand,
                    p,
                    new SettingsContext(
                        contexts.apply(p),
                        Map.of(
                            "mnemosyne.plugin." + LUCENE + ".candidates", Integer.toString(cand))),
                    c,
                    file(dir, LUCENE),
                    log));
          }
        }
        default -> {
          IndexProvider p = providers.apply(name);
          out.add(IndexMethod.open(name, p, contexts.apply(p), c, file(cacheDir, name), log));
        }
      }
    }
    return out;
  }

  private static Path file(Path cacheDir, String name) {
    return cacheDir == null ? null : cacheDir.resolve(name + ".index");
  }
}
