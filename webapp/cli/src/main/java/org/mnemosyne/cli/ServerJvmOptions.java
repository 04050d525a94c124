package org.mnemosyne.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mnemosyne.runtime.config.MnemosyneConfig;

/**
 * The memory and garbage-collector options of the portal's Payara Micro process. The default
 * collector is the parallel one: on the two-core machines the portal is sized for, it served cached
 * explanations at 1.4–1.8× the rate of G1 (the JVM's own choice there) with a lower p95 latency
 * (docs/BENCHMARKS.md, *Portal load*), because G1's concurrent threads and write barriers compete
 * with the request threads for the two cores. {@code g1} and {@code serial} remain selectable.
 */
final class ServerJvmOptions {
  /** Configuration key of the maximum heap (a JVM size such as {@code 1g} or {@code 768m}). */
  static final String HEAP = "mnemosyne.server.heap";

  /** Configuration key of the garbage collector. */
  static final String GC = "mnemosyne.server.gc";

  private static final Map<String, String> COLLECTORS =
      new TreeMap<>(
          Map.of(
              "parallel", "-XX:+UseParallelGC",
              "g1", "-XX:+UseG1GC",
              "serial", "-XX:+UseSerialGC"));

  private ServerJvmOptions() {}

  /**
   * The options for a configuration.
   *
   * @throws IllegalArgumentException for an unknown collector or a malformed heap size, naming the
   *     key and the accepted values
   */
  static List<String> of(MnemosyneConfig config) {
    String heap = config.get(HEAP).orElse("1g").trim();
    if (!heap.matches("[0-9]{1,6}[kKmMgG]?")) {
      throw new IllegalArgumentException(
          HEAP + " must be a size such as 1g or 768m, not '" + heap + "'");
    }
    String gc = config.get(GC).orElse("parallel").trim().toLowerCase(Locale.ROOT);
    String flag = COLLECTORS.get(gc);
    if (flag == null) {
      throw new IllegalArgumentException(
          GC + " must be one of " + String.join(", ", COLLECTORS.keySet()) + ", not '" + gc + "'");
    }
    return List.of("-Xmx" + heap, flag);
  }
}
