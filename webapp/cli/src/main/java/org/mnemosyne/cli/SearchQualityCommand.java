package org.mnemosyne.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mnemosyne.api.index.ConditionalIndex;
import org.mnemosyne.api.index.IndexProvider;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.EmbeddingModelProvider;
import org.mnemosyne.runtime.config.ConfigKey;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mnemosyne search-quality}: precision@k of same-subject results within and across media
 * (paintings, photographs, clip art), unconditional and conditioned on the target medium, with a
 * chance baseline — see {@link SearchQuality} for the measure, {@link SubjectGroups} and {@link
 * TitleSubjects} for what counts as the same subject. Vectors come from the database (the imported
 * collections, the configured model's vectors) or, with {@code --from folders}, from embedding the
 * sample folders directly.
 */
@Command(
    name = "search-quality",
    mixinStandardHelpOptions = true,
    description = {
      "Precision@k of same-subject results within and across the sample media (paintings,"
          + " photographs, clip art), unconditional and conditioned on the target medium, next to"
          + " the chance baseline. Prints Markdown.",
      "Subjects: subjects.csv where an item has one, else keywords of its title (paintings)."
    })
final class SearchQualityCommand implements Callable<Integer> {
  /** Where the vectors come from. */
  enum From {
    /** The imported collections in the configured database. */
    DATABASE,
    /** The sample folders, embedded now with the configured model. */
    FOLDERS
  }

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      defaultValue = "database",
      description = "database or folders (default ${DEFAULT-VALUE}).")
  From from;

  @Option(
      names = "--collections",
      split = ",",
      defaultValue = "art,photos,clipart",
      description =
          "Collections (slugs; with --from folders also folder names under the data folder),"
              + " default ${DEFAULT-VALUE}.")
  List<String> collections;

  @Option(names = "--k", defaultValue = "10", description = "Cut-off (default ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--provider",
      defaultValue = "bounded-scan",
      description =
          "Index provider (default ${DEFAULT-VALUE}); any exact one gives the same table.")
  String provider;

  @Option(
      names = "--data-dir",
      description = "With --from folders: the folder of the collections (default <shared>/data).")
  Path dataDir;

  @Option(
      names = "--by-subject",
      description = "Also print the rows per subject group of the queries.")
  boolean bySubject;

  @Option(names = "--db-url", description = "JDBC URL of an external PostgreSQL.")
  String dbUrl;

  @Override
  public Integer call() throws Exception {
    if (k <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--k must be positive");
    }
    PrintWriter out = spec.commandLine().getOut();
    MnemosyneConfig config = common.config();
    if (dbUrl != null) {
      config = config.with(Map.of(ConfigKey.DB_URL.key(), dbUrl));
    }
    DataLayout layout = DataLayout.from(config);
    PluginRegistry registry =
        PluginRegistry.load(SearchQualityCommand.class.getClassLoader(), config, layout);
    IndexProvider indexProvider = registry.require(IndexProvider.class, provider);
    EmbeddingModelProvider modelProvider =
        registry.require(EmbeddingModelProvider.class, config.get(ConfigKey.MODEL_PROVIDER, "djl"));
    long start = System.nanoTime();
    List<SampleRecord> records;
    String modelName;
    try (EmbeddingModel model = modelProvider.open(registry.contextFor(modelProvider))) {
      modelName = model.info().id() + " " + model.info().version();
      records = read(config, layout, model, out);
    }
    requireEveryCollection(records);
    List<QualityItem> items = records.stream().map(SampleRecord::labelled).toList();
    List<QualityRow> rows;
    try (ConditionalIndex index =
        SearchQuality.buildIndex(
            indexProvider, registry.contextFor(indexProvider), modelName, items)) {
      rows = SearchQuality.evaluate(index, items, collections, k, bySubject);
    }
    out.printf(
        "search quality: precision@%d of same-subject results; model %s; index %s; vectors from"
            + " the %s%n%n",
        k, modelName, provider, from == From.DATABASE ? "database" : "sample folders");
    QualityTable.printLabels(out, records, collections);
    out.println();
    QualityTable.printRows(out, rows, k);
    out.printf("%n%.1f s%n", (System.nanoTime() - start) / 1e9);
    out.flush();
    return 0;
  }

  private List<SampleRecord> read(
      MnemosyneConfig config, DataLayout layout, EmbeddingModel model, PrintWriter out)
      throws java.io.IOException {
    if (from == From.FOLDERS) {
      Path data =
          dataDir != null
              ? dataDir
              : layout
                  .sampleDataDir()
                  .orElseThrow(
                      () ->
                          new CommandLine.ParameterException(
                              spec.commandLine(),
                              "--from folders needs --data-dir or the shared folder"
                                  + " (--shared-dir or mnemosyne.shared.dir)"));
      return FolderSamples.read(data, collections, model, out);
    }
    layout.ensureCreated();
    try (CommandDatabase db = CommandDatabase.open(config, layout, out)) {
      return DatabaseSamples.read(db.dataSource(), model.info(), collections);
    }
  }

  private void requireEveryCollection(List<SampleRecord> records) {
    for (String c : collections) {
      if (records.stream().noneMatch(r -> r.collection().equals(c))) {
        throw new IllegalStateException(
            "collection '"
                + c
                + "' has no items with vectors of the model"
                + (from == From.DATABASE
                    ? " in the database (import the samples: mnemosyne import --samples)"
                    : ""));
      }
    }
  }
}
