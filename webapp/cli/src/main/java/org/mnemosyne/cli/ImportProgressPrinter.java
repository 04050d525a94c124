package org.mnemosyne.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.mnemosyne.db.ingest.ImportListener;
import org.mnemosyne.db.ingest.ImportProgress;

/**
 * Prints import progress: a bar redrawn in place on a terminal, or one line every few seconds when
 * the output is a file or a pipe.
 */
final class ImportProgressPrinter implements ImportListener {
  private static final int WIDTH = 30;
  private static final long QUIET_NANOS = 5_000_000_000L;

  private final PrintWriter out;
  private final boolean terminal;
  private long lastLine;
  private boolean drawn;

  ImportProgressPrinter(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void progress(ImportProgress p) {
    String line = line(p);
    if (terminal) {
      out.print("\r" + line + "\u001b[K");
      drawn = true;
    } else {
      long now = System.nanoTime();
      if (now - lastLine < QUIET_NANOS) {
        return;
      }
      lastLine = now;
      out.println(line);
    }
    out.flush();
  }

  /** Ends the bar's line so that what follows starts on a new one. */
  void finish() {
    if (drawn) {
      out.println();
      out.flush();
      drawn = false;
    }
  }

  static String line(ImportProgress p) {
    int filled = (int) Math.round(p.fraction() * WIDTH);
    String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
    return String.format(
        "[%s] %3d%%  %d records, %d embedded, %d skipped  %.1f images/s%s",
        bar,
        Math.round(p.fraction() * 100),
        p.counts().processed(),
        p.counts().embedded(),
        p.counts().rejected(),
        p.imagesPerSecond(),
        p.eta().map(e -> "  ETA " + format(e)).orElse(""));
  }

  static String format(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600
        ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
        : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
