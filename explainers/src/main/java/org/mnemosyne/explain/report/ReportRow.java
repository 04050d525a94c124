package org.mnemosyne.explain.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One explainer's line of the report.
 *
 * @param explainer the explainer's name (or {@code (random)} for the baseline)
 * @param setting order, units and budget it ran with
 * @param metrics the summary of each metric measured; a metric that does not apply is absent
 * @param failures one message per pair on which the explainer failed
 */
public record ReportRow(
    String explainer, String setting, Map<Metric, Summary> metrics, List<String> failures) {

  /** Validates and copies. */
  public ReportRow {
    Objects.requireNonNull(explainer, "explainer");
    Objects.requireNonNull(setting, "setting");
    metrics =
        metrics.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new EnumMap<>(metrics));
    failures = List.copyOf(failures);
  }

  /** The summary of a metric, or a summary of nothing when it does not apply. */
  public Summary get(Metric m) {
    return metrics.getOrDefault(m, new Summary(Double.NaN, Double.NaN, 0));
  }
}
