package org.mnemosyne.index.tree;

import java.util.Set;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.index.engine.EngineIndexProvider;
import org.mnemosyne.index.engine.IndexFlavor;

/**
 * {@code conditional-ball-tree}: the paper's conditional ball tree with per-node facet summaries
 * and Lucene's fallback to a postings scan for tiny conditions. Settings: {@code
 * mnemosyne.plugin.conditional-ball-tree.leaf-size} (default 50, SynapseML's) and {@code .fallback}
 * ({@code 1} on, {@code 0} off).
 */
public final class ConditionalBallTreeProvider extends EngineIndexProvider {
  /** Provider name, written into saved files. */
  public static final String NAME = "conditional-ball-tree";

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
    return "The paper's conditional ball tree: ball bounds and per-node facet summaries prune";
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("exact", "conditional", "incremental", "tree");
  }

  @Override
  protected IndexFlavor flavor(PluginContext context) {
    return IndexFlavor.conditionalBallTree(
        NAME,
        VERSION,
        setting(context, "leaf-size", 50, 1, 1 << 20),
        setting(context, "fallback", 1, 0, 1) == 1);
  }
}
