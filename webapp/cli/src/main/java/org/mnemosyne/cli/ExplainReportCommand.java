package org.mnemosyne.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mnemosyne.api.explain.ExplainerProvider;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.EmbeddingModelProvider;
import org.mnemosyne.explain.report.ExplainerReport;
import org.mnemosyne.explain.report.ReportPair;
import org.mnemosyne.explain.report.ReportRow;
import org.mnemosyne.explain.report.ReportSettings;
import org.mnemosyne.explain.report.ReportTable;
import org.mnemosyne.runtime.config.ConfigKey;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.model.EmbeddingSimilarity;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mnemosyne explain-report}: every registered explainer over pairs of same-subject cut-outs
 * from the sample collections ({@link CutoutPairs}) with the configured model, scored by {@link
 * ExplainerReport}, printed as one table. Progress goes to standard error.
 */
@Command(
    name = "explain-report",
    mixinStandardHelpOptions = true,
    description =
        "Score every registered explainer (deletion/insertion AUC, projection, consistency across"
            + " seeds and budgets, time) on pairs of sample cut-outs and print one table.")
final class ExplainReportCommand implements Callable<Integer> {
  private static final ReportSettings DEFAULTS = ReportSettings.defaults();

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(
      names = "--pairs",
      defaultValue = "6",
      description = "Image pairs (photo and drawing of one subject) (default ${DEFAULT-VALUE}).")
  int pairs;

  @Option(
      names = "--explainers",
      split = ",",
      description = "Only these explainers (default: every registered one).")
  List<String> explainers;

  @Option(
      names = "--grid",
      defaultValue = "3x3",
      description =
          "First-order units, also of the deletion/insertion curves (default ${DEFAULT-VALUE}).")
  String grid;

  @Option(
      names = "--joint-grid",
      defaultValue = "2x2",
      description = "Units on each image for joint explainers (default ${DEFAULT-VALUE}).")
  String jointGrid;

  @Option(
      names = "--exact-grid",
      defaultValue = "3x3",
      description = "First-order units for exact explainers (default ${DEFAULT-VALUE}).")
  String exactGrid;

  @Option(
      names = "--exact-joint-grid",
      defaultValue = "2x2",
      description = "Units on each image for exact joint explainers (default ${DEFAULT-VALUE}).")
  String exactJointGrid;

  @Option(
      names = "--budget",
      defaultValue = "64",
      description = "Evaluations per first-order explanation (default ${DEFAULT-VALUE}).")
  int budget;

  @Option(
      names = "--joint-budget",
      defaultValue = "96",
      description = "Evaluations per joint explanation (default ${DEFAULT-VALUE}).")
  int jointBudget;

  @Option(
      names = "--censor",
      defaultValue = "blur",
      description = "mean, blur or constant (black) (default ${DEFAULT-VALUE}).")
  String censor;

  @Option(
      names = "--steps",
      defaultValue = "8",
      description = "Steps of the deletion and insertion curves (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (pairs < 1) {
      throw new IllegalArgumentException("--pairs must be at least 1");
    }
    ReportSettings settings = settings();
    MnemosyneConfig config = common.config();
    DataLayout layout = DataLayout.from(config);
    Path data =
        layout
            .sampleDataDir()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no sample data: set --shared-dir to the folder that holds data/"));
    PluginRegistry registry =
        PluginRegistry.load(ExplainReportCommand.class.getClassLoader(), config, layout);
    List<ExplainerReport.Contender> contenders = contenders(registry);
    EmbeddingModelProvider modelProvider =
        registry.require(EmbeddingModelProvider.class, config.get(ConfigKey.MODEL_PROVIDER, "djl"));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (EmbeddingModel model = modelProvider.open(registry.contextFor(modelProvider))) {
      List<ReportPair> selected = CutoutPairs.select(data, pairs, model);
      if (selected.isEmpty()) {
        throw new IllegalArgumentException("no cut-out pairs found under " + data);
      }
      long t0 = System.nanoTime();
      List<ReportRow> rows =
          ExplainerReport.run(
              contenders,
              selected,
              new EmbeddingSimilarity(model),
              settings,
              line -> {
                err.println(line);
                err.flush();
              });
      out.printf(
          Locale.ROOT,
          "%d pairs, model %s, censor %s, %d curve steps, seed %d; mean +- standard deviation"
              + " over pairs%n",
          selected.size(),
          model.info().id(),
          settings.censor().describe(),
          settings.steps(),
          settings.seed());
      out.print(ReportTable.format(rows));
      out.println(
          "deletion AUC: lower is better; insertion AUC, projection, object IoU: higher is better;"
              + " rho: Spearman vs the main run (seed + 1, half budget)");
      for (ReportPair p : selected) {
        out.println("pair " + p.label());
      }
      out.printf(Locale.ROOT, "wall time %.1f s%n", (System.nanoTime() - t0) / 1e9);
      out.flush();
    }
    return 0;
  }

  /** The settings the options give (the defaults are those of {@link ReportSettings#defaults}). */
  ReportSettings settings() {
    return new ReportSettings(
        ExplainCommand.parseGrid(grid),
        ExplainCommand.parseGrid(jointGrid),
        ExplainCommand.parseGrid(exactGrid),
        ExplainCommand.parseGrid(exactJointGrid),
        ExplainCommand.parseCensor(censor),
        budget,
        jointBudget,
        steps,
        seed,
        DEFAULTS.batchSize(),
        DEFAULTS.minCoverage());
  }

  private List<ExplainerReport.Contender> contenders(PluginRegistry registry) {
    List<ExplainerReport.Contender> out = new ArrayList<>();
    Set<String> wanted = explainers == null ? null : Set.copyOf(explainers);
    for (ExplainerProvider p : registry.providers(ExplainerProvider.class)) {
      if (wanted == null || wanted.contains(p.name())) {
        out.add(new ExplainerReport.Contender(p, p.create(registry.contextFor(p))));
      }
    }
    if (wanted != null) {
      for (String name : wanted) {
        registry.require(ExplainerProvider.class, name); // an unknown name fails loudly
      }
    }
    return out;
  }
}
