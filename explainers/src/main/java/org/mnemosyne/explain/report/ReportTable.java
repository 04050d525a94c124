package org.mnemosyne.explain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints report rows as one plain-text table (ASCII, fixed-width columns): explainer, setting, then
 * each {@link Metric} as {@code mean +- spread}, {@code -} where it does not apply, followed by the
 * failures. Stateless; thread-safe.
 */
public final class ReportTable {
  private ReportTable() {}

  /** The table, ending with a newline. */
  public static String format(List<ReportRow> rows) {
    List<String[]> cells = new ArrayList<>();
    String[] heading = new String[2 + Metric.values().length];
    heading[0] = "explainer";
    heading[1] = "setting";
    for (Metric m : Metric.values()) {
      heading[2 + m.ordinal()] = m.heading();
    }
    cells.add(heading);
    for (ReportRow r : rows) {
      String[] line = new String[heading.length];
      line[0] = r.explainer();
      line[1] = r.setting();
      for (Metric m : Metric.values()) {
        line[2 + m.ordinal()] = cell(r.get(m), m);
      }
      cells.add(line);
    }
    int[] width = new int[heading.length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] line : cells) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        String pad = " ".repeat(width[i] - line[i].length());
        b.append(i < 2 ? line[i] + pad : pad + line[i]).append("  ");
      }
      out.append(b.toString().stripTrailing()).append('\n');
    }
    for (ReportRow r : rows) {
      for (String f : r.failures()) {
        out.append(r.explainer()).append(" failed on ").append(f).append('\n');
      }
    }
    return out.toString();
  }

  /** One cell: {@code mean +- spread}, or {@code -} for a metric without values. */
  static String cell(Summary s, Metric m) {
    if (s.count() == 0) {
      return "-";
    }
    String f = "%." + m.decimals() + "f";
    return String.format(Locale.ROOT, f + " +- " + f, s.mean(), s.spread());
  }
}
