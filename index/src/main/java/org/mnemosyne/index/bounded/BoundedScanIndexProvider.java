package org.mnemosyne.index.bounded;

import java.util.Set;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.index.engine.EngineIndexProvider;
import org.mnemosyne.index.engine.IndexFlavor;

/**
 * {@code bounded-scan}: Mnemosyne's fastest exact conditional index.
 *
 * <p>Items are laid out in the leaves of a ball partition (the paper's tree, leaves of 32) with an
 * 8-bit copy of every vector whose approximate score comes with a rigorous error bound; where 128
 * principal directions carry most of the energy (real embeddings), also with 8-bit heads in those
 * directions for earlier rejection.
 *
 * <p>Planner policy, per query, from the number {@code m} of live items matching the condition
 * (read off the postings before any vector):
 *
 * <ul>
 *   <li>{@code m <= 4k}: score every match exactly ({@code postings-scan});
 *   <li>{@code m <= postings-maximum}, or the matches scattered over the partition (fewer than two
 *       per occupied block of {@code leaf-size} ordinals): bound every match from its 8-bit codes,
 *       score the k best bounds exactly, then every match whose bound still reaches the k-th best
 *       score ({@code postings-code-scan});
 *   <li>otherwise a best-first search of the partition by ball bounds that stops at the first node
 *       whose bound cannot reach the k-th best score; nodes with few matches are scanned, each
 *       candidate rejected from its prefix or 8-bit bound when possible and scored exactly
 *       otherwise ({@code bounded-tree}, or {@code quantized-scan} when the whole segment is one
 *       scan).
 * </ul>
 *
 * Every answer is exact and every score is the canonical dot product. Settings under {@code
 * mnemosyne.plugin.bounded-scan.}: {@code leaf-size} (32), {@code postings-maximum} (256), {@code
 * scan-below} (64), {@code prefix-energy-percent} (60; 101 turns prefix bounds off).
 */
public final class BoundedScanIndexProvider extends EngineIndexProvider {
  /** Provider name, written into saved files. */
  public static final String NAME = "bounded-scan";

  /** File-format version, written into saved files. */
  public static final String VERSION = "1";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public String description() {
    return "Exact conditional k-NN reading 8-bit codes with rigorous bounds; blocks pruned by balls";
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("exact", "conditional", "incremental", "quantized");
  }

  @Override
  protected IndexFlavor flavor(PluginContext context) {
    return IndexFlavor.boundedScan(
        NAME,
        VERSION,
        setting(context, "leaf-size", 32, 1, 1 << 20),
        setting(context, "postings-maximum", 256, 0, Integer.MAX_VALUE),
        setting(context, "scan-below", 64, 0, Integer.MAX_VALUE),
        setting(context, "prefix-energy-percent", 60, 0, 101) / 100.0);
  }
}
