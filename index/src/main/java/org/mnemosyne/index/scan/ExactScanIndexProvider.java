package org.mnemosyne.index.scan;

import java.util.Set;
import org.mnemosyne.api.plugin.PluginContext;
import org.mnemosyne.index.engine.EngineIndexProvider;
import org.mnemosyne.index.engine.IndexFlavor;

/**
 * {@code exact-scan}: the condition's postings select the matching items and the canonical SIMD dot
 * product scores every one of them. The reference every other index is tested against, and the
 * fastest choice for very selective conditions.
 */
public final class ExactScanIndexProvider extends EngineIndexProvider {
  /** Provider name, written into saved files. */
  public static final String NAME = "exact-scan";

  /** File-format version, written into saved files. */
  public static final String VERSION = "2";

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
    return "Exact scan: postings select the items matching the condition, SIMD scores each one";
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("exact", "conditional", "incremental");
  }

  @Override
  protected IndexFlavor flavor(PluginContext context) {
    return IndexFlavor.exactScan(NAME, VERSION);
  }
}
