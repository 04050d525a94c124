package org.mnemosyne.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Prints a search-quality run as Markdown: one line per collection saying how its items were
 * labelled, then one table row per query collection and target with precision@k, the chance
 * baseline, their ratio, the best possible value and, for the unconditional search, how much of the
 * top k came from the query's own collection.
 */
final class QualityTable {
  /** Display names of the sample collections' media. */
  private static final Map<String, String> MEDIA =
      Map.of("art", "paintings", "photos", "photographs", "clipart", "clip art");

  private QualityTable() {}

  /** The medium a collection slug stands for: its sample medium, else the slug. */
  static String medium(String collection) {
    return MEDIA.getOrDefault(collection, collection);
  }

  /** One line per collection: items, labelled items, how, and the count per subject group. */
  static void printLabels(PrintWriter out, List<SampleRecord> records, List<String> collections) {
    for (String c : collections) {
      List<SampleRecord> in = records.stream().filter(r -> r.collection().equals(c)).toList();
      long fromSubjects = in.stream().filter(r -> !r.subjects().isEmpty()).count();
      List<QualityItem> labelled =
          in.stream().map(SampleRecord::labelled).filter(i -> !i.subjects().isEmpty()).toList();
      Map<String, Long> groups =
          labelled.stream()
              .flatMap(i -> i.subjects().stream())
              .collect(Collectors.groupingBy(g -> g, TreeMap::new, Collectors.counting()));
      out.printf(
          "%s (%s): %d items, %d labelled (%s) — %s%n",
          c,
          medium(c),
          in.size(),
          labelled.size(),
          fromSubjects > 0
              ? fromSubjects + " with a subject in subjects.csv"
              : "from title keywords",
          groups.entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining(", ")));
    }
  }

  /**
   * The table of the rows over all queries from {@link SearchQuality#evaluate}, then, if there are
   * any, a second table of the rows per query subject group.
   */
  static void printRows(PrintWriter out, List<QualityRow> rows, int k) {
    out.printf(
        "| query medium | target | queries | P@%d | chance | lift | best possible |"
            + " own medium in top %d |%n",
        k, k);
    out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    rows.stream().filter(r -> r.subject().isEmpty()).forEach(r -> out.println(line(r, false)));
    List<QualityRow> bySubject = rows.stream().filter(r -> r.subject().isPresent()).toList();
    if (!bySubject.isEmpty()) {
      out.printf(
          "%nBy the queries' subject group (a query with two groups counts in both; relevance as"
              + " above):%n%n");
      out.printf(
          "| query medium | query subject | target | queries | P@%d | chance | lift | best"
              + " possible | own medium in top %d |%n",
          k, k);
      out.println("|---|---|---|---:|---:|---:|---:|---:|---:|");
      bySubject.forEach(r -> out.println(line(r, true)));
    }
    out.flush();
  }

  private static String line(QualityRow r, boolean withSubject) {
    String target =
        r.target()
            .map(
                t ->
                    medium(t)
                        + (t.equals(r.queryCollection()) ? " (within)" : "")
                        + " — collection:"
                        + t)
            .orElse("all (unconditional)");
    return String.format(
        Locale.ROOT,
        "| %s |%s %s | %d of %d | %.3f | %.3f | %s | %.3f | %s |",
        medium(r.queryCollection()),
        withSubject ? " " + r.subject().orElse("") + " |" : "",
        target,
        r.queries(),
        r.labelled(),
        r.precision(),
        r.chance(),
        r.chance() > 0 ? String.format(Locale.ROOT, "%.1fx", r.precision() / r.chance()) : "–",
        r.best(),
        r.target().isEmpty() ? String.format(Locale.ROOT, "%.3f", r.ownCollection()) : "");
  }
}
