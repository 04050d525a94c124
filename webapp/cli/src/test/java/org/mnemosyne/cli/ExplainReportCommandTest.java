package org.mnemosyne.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.explain.report.ReportSettings;

/** {@code mnemosyne explain-report} on one pair of sample cut-outs with the real model. */
class ExplainReportCommandTest {
  private static final Pattern CELL =
      Pattern.compile("(-?\\d+(?:\\.\\d+)?) \\+- (\\d+(?:\\.\\d+)?)");

  @TempDir Path home;

  @Test
  void theOptionDefaultsAreTheReportDefaults() {
    ExplainReportCommand command = new ExplainReportCommand();
    new picocli.CommandLine(command).parseArgs();
    assertEquals(ReportSettings.defaults(), command.settings());
    assertEquals(6, command.pairs);
    assertEquals(0, MnemosyneCommand.run("explain-report", "--help"));
    assertEquals(2, MnemosyneCommand.run("explain-report", "--grid")); // a value is missing
  }

  @Test
  void printsOneRowPerExplainerWithNumbersInRange() {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          MnemosyneCommand.run(
              "explain-report",
              "--home",
              home.toString(),
              "--pairs",
              "1",
              "--grid",
              "2x2",
              "--joint-grid",
              "1x2",
              "--exact-grid",
              "2x2",
              "--exact-joint-grid",
              "1x2",
              "--budget",
              "12",
              "--joint-budget",
              "60",
              "--steps",
              "4");
    } finally {
      System.setOut(saved);
    }
    String text = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, text);
    List<String> names = new ArrayList<>();
    ServiceLoader.load(ExplainerProvider.class).forEach(p -> names.add(p.name()));
    List<String> lines = text.lines().toList();
    int heading =
        lines.indexOf(
            lines.stream().filter(l -> l.startsWith("explainer ")).findFirst().orElseThrow());
    for (String name : names) {
      List<String> rows = lines.stream().filter(l -> l.startsWith(name + " ")).toList();
      assertEquals(1, rows.size(), name + " in\n" + text);
      assertTrue(lines.indexOf(rows.get(0)) > heading);
      checkRow(rows.get(0));
    }
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("(random) ")), text);
    assertTrue(!text.contains("failed on"), text);
    assertTrue(text.contains("pair animal: "), text);
  }

  /** Consistencies in [-1, 1], AUCs and projection in the cosine's range, IoU in [0, 1]. */
  private static void checkRow(String row) {
    Matcher m = CELL.matcher(row);
    List<Double> means = new ArrayList<>();
    while (m.find()) {
      means.add(Double.parseDouble(m.group(1)));
      assertTrue(Double.parseDouble(m.group(2)) == 0, "one pair, no spread: " + row);
    }
    assertTrue(means.size() >= 5, row); // evals, deletion, insertion, seed rho, (budget rho), ms
    for (double v : means.subList(1, means.size() - 1)) {
      assertTrue(v >= -1 && v <= 1, row);
    }
    assertTrue(means.get(0) >= 1 && means.get(0) <= 64, row);
    assertTrue(means.get(means.size() - 1) >= 0, row);
  }
}
