package org.mnemosyne.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.mnemosyne.api.importer.ImportSource;
import org.mnemosyne.api.model.EmbeddingModel;
import org.mnemosyne.api.model.EmbeddingModelProvider;
import org.mnemosyne.api.progress.CancellationSource;
import org.mnemosyne.db.catalog.Slug;
import org.mnemosyne.db.ingest.ImportRequest;
import org.mnemosyne.db.ingest.ImportService;
import org.mnemosyne.db.ingest.ImportSettings;
import org.mnemosyne.db.ingest.ImportSummary;
import org.mnemosyne.db.ingest.SampleCollections;
import org.mnemosyne.db.job.JobProblem;
import org.mnemosyne.db.job.JobState;
import org.mnemosyne.db.job.Severity;
import org.mnemosyne.runtime.config.ConfigKey;
import org.mnemosyne.runtime.config.DataLayout;
import org.mnemosyne.runtime.config.MnemosyneConfig;
import org.mnemosyne.runtime.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mnemosyne import}: imports a collection into the configured database without the portal —
 * creates the institution and collection if needed, runs the import as a job (resuming an
 * unfinished one for the same source), prints a progress bar and a summary. Ctrl-C stops at the
 * next row and leaves the job resumable. Exit code 0 when every import succeeded (rows it skipped
 * are listed), 1 when one failed or was cancelled, 2 on a usage error.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a collection: a CSV file (or a folder with metadata.csv) and its images, a plain"
          + " folder of images, or a IIIF manifest or collection (file or URL).",
      "Re-running the same import is a no-op; an interrupted one resumes where it stopped."
    })
final class ImportCommand implements Callable<Integer> {
  private static final int LISTED_PROBLEMS = 20;

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SOURCE",
      description = "CSV file, folder, IIIF manifest/collection file or http(s) URL.")
  String source;

  @Option(
      names = "--collection",
      description = "Collection name (lower case, digits, - and _); default: from SOURCE.")
  String collection;

  @Option(names = "--collection-title", description = "Display name of a new collection.")
  String collectionTitle;

  @Option(
      names = "--institution",
      defaultValue = "local",
      description = "Institution name (default ${DEFAULT-VALUE}).")
  String institution;

  @Option(names = "--institution-title", description = "Display name of a new institution.")
  String institutionTitle;

  @Option(
      names = "--importer",
      description = "csv, folder, iiif or a plugin's (default: by SOURCE).")
  String importer;

  @Option(
      names = "--mapping",
      description = "CSV column mapping: mnemosyne (default), met, or a .properties file.")
  String mapping;

  @Option(
      names = "--images",
      description = "CSV image folder, relative to the CSV (default: its folder).")
  String images;

  @Option(
      names = {"-o", "--option"},
      description = "Importer option KEY=VALUE (repeatable), e.g. -o delimiter=tab.")
  Map<String, String> options = new LinkedHashMap<>();

  @Option(
      names = "--withdraw-missing",
      description = "Withdraw the collection's items that SOURCE no longer has.")
  boolean withdrawMissing;

  @Option(
      names = "--restart",
      description = "Start a new job instead of resuming an unfinished one.")
  boolean restart;

  @Option(
      names = "--resume",
      paramLabel = "JOB",
      description = "Resume a stopped import job by id.")
  Long resume;

  @Option(
      names = "--reembed",
      paramLabel = "COLLECTION",
      description =
          "Re-embed a collection's items with the configured model (e.g. after switching models),"
              + " from their stored images, as a resumable job.")
  String reembed;

  @Option(
      names = "--samples",
      description = "Import the sample collections art, photos and clipart from <shared>/data.")
  boolean samples;

  @Option(
      names = "--batch-size",
      defaultValue = "32",
      description = "Records per committed batch (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--db-url", description = "JDBC URL of an external PostgreSQL.")
  String dbUrl;

  @Override
  public Integer call() throws Exception {
    int modes =
        (source != null ? 1 : 0)
            + (samples ? 1 : 0)
            + (resume != null ? 1 : 0)
            + (reembed != null ? 1 : 0);
    if (modes != 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "give exactly one of SOURCE, --samples, --resume JOB or --reembed COLLECTION");
    }
    Slug reembedSlug = null;
    if (reembed != null) {
      try {
        reembedSlug = new Slug(reembed);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    MnemosyneConfig config = common.config();
    if (dbUrl != null) {
      config = config.with(Map.of(ConfigKey.DB_URL.key(), dbUrl));
    }
    DataLayout layout = DataLayout.from(config).ensureCreated();
    List<ImportRequest> requests = requests(layout);
    PluginRegistry registry =
        PluginRegistry.load(ImportCommand.class.getClassLoader(), config, layout);
    registry
        .problems()
        .forEach(p -> spec.commandLine().getErr().println("warning: plugin skipped: " + p));
    EmbeddingModelProvider modelProvider =
        registry.require(EmbeddingModelProvider.class, config.get(ConfigKey.MODEL_PROVIDER, "djl"));

    CancellationSource cancel = new CancellationSource();
    CountDownLatch done = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              cancel.cancel();
              try {
                done.await(60, TimeUnit.SECONDS); // let the job record that it was cancelled
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "mnemosyne-import-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    try (CommandDatabase db = CommandDatabase.open(config, layout, out);
        EmbeddingModel model = modelProvider.open(registry.contextFor(modelProvider))) {
      out.printf(
          "model: %s %s on %s%n", model.info().id(), model.info().version(), model.info().device());
      out.flush();
      ImportService service =
          new ImportService(db.dataSource(), registry, model, ImportSettings.defaults());
      boolean terminal = System.console() != null;
      List<ImportSummary> summaries = new ArrayList<>();
      if (resume != null) {
        summaries.add(runOne(out, terminal, p -> service.resume(resume, p, cancel)));
      } else if (reembedSlug != null) {
        Slug target = reembedSlug;
        summaries.add(runOne(out, terminal, p -> service.reembed(target, p, cancel)));
      } else {
        for (ImportRequest r : requests) {
          out.printf("importing %s into collection '%s'%n", r.source().location(), r.collection());
          out.flush();
          summaries.add(runOne(out, terminal, p -> service.run(r, p, cancel)));
          if (cancel.isCancelled()) {
            break;
          }
        }
      }
      return summaries.stream().allMatch(s -> s.state() == JobState.SUCCEEDED) ? 0 : 1;
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
  }

  /** Runs one import with a progress printer and prints its summary. */
  private ImportSummary runOne(
      PrintWriter out,
      boolean terminal,
      java.util.function.Function<ImportProgressPrinter, ImportSummary> run) {
    ImportProgressPrinter printer = new ImportProgressPrinter(out, terminal);
    ImportSummary s;
    try {
      s = run.apply(printer);
    } finally {
      printer.finish();
    }
    print(out, s);
    return s;
  }

  private List<ImportRequest> requests(DataLayout layout) {
    List<ImportRequest> out = new ArrayList<>();
    if (samples) {
      Path data =
          layout
              .sampleDataDir()
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(),
                          "--samples needs the shared folder: set --shared-dir or mnemosyne.shared.dir"));
      for (SampleCollections.Sample s : SampleCollections.SAMPLES) {
        Path folder = data.resolve(s.folder());
        if (Files.isRegularFile(folder.resolve("metadata.csv"))) {
          out.add(
              ImportRequest.builder(
                      new Slug(s.institution()),
                      new Slug(s.collection()),
                      new ImportSource(
                          folder.toAbsolutePath().toUri(), Map.of("mapping", "mnemosyne")))
                  .institutionName(s.institutionName())
                  .collectionName(s.collectionName())
                  .importer("csv")
                  .restart(restart)
                  .batchSize(batchSize)
                  .build());
        }
      }
      if (out.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "no sample collections in " + data);
      }
      return out;
    }
    if (source == null) {
      return out;
    }
    URI location = location(source);
    Map<String, String> opts = new TreeMap<>(options);
    if (mapping != null) {
      opts.put(
          "mapping",
          mapping.contains("/") || mapping.endsWith(".properties")
              ? Path.of(mapping).toAbsolutePath().toString()
              : mapping);
    }
    if (images != null) {
      opts.put("images", images);
    }
    try {
      Slug collectionSlug =
          collection != null ? new Slug(collection) : Slug.from(defaultName(location));
      out.add(
          ImportRequest.builder(
                  new Slug(institution), collectionSlug, new ImportSource(location, opts))
              .institutionName(
                  institutionTitle != null
                      ? institutionTitle
                      : "local".equals(institution) ? "Local collections" : null)
              .collectionName(collectionTitle)
              .importer(importer)
              .withdrawMissing(withdrawMissing)
              .restart(restart)
              .batchSize(batchSize)
              .build());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return out;
  }

  static URI location(String source) {
    String lower = source.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")) {
      return URI.create(source);
    }
    return Path.of(source).toAbsolutePath().normalize().toUri();
  }

  static String defaultName(URI location) {
    String path = location.getPath() == null ? "" : location.getPath();
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      String p = parts[i];
      if (p.isEmpty()
          || p.equalsIgnoreCase("metadata.csv")
          || p.equalsIgnoreCase("manifest.json")) {
        continue;
      }
      int dot = p.lastIndexOf('.');
      return dot > 0 ? p.substring(0, dot) : p;
    }
    return "collection";
  }

  private static void print(PrintWriter out, ImportSummary s) {
    var c = s.counts();
    out.printf(
        "import into '%s' (job %d%s): %s in %.1f s%n",
        s.collection(),
        s.jobId(),
        s.resumed() ? ", resumed" : "",
        s.state().dbValue(),
        s.elapsed().toMillis() / 1e3);
    out.printf("  records read   %d%n", c.processed());
    out.printf(
        "  imported       %d (created %d, updated %d, unchanged %d)%n",
        c.imported(), c.created(), c.updated(), c.unchanged());
    out.printf(
        "  embedded       %d images this run, %.1f images/s%n",
        s.embeddedThisAttempt(), s.imagesPerSecond());
    out.printf("  skipped        %d%s%n", c.rejected(), byCode(s, Severity.ERROR));
    out.printf("  warnings       %d%s%n", c.warnings(), byCode(s, Severity.WARNING));
    if (c.withdrawn() > 0) {
      out.printf("  withdrawn      %d (no longer in the source)%n", c.withdrawn());
    }
    out.printf("  time           %s%n", s.timings());
    List<JobProblem> errors =
        s.problems().stream().filter(p -> p.severity() == Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      out.println("skipped rows:");
      errors.stream().limit(LISTED_PROBLEMS).forEach(p -> out.println("  " + p));
      if (c.rejected() > LISTED_PROBLEMS) {
        out.printf(
            "  ... and %d more (job %d keeps them all)%n",
            c.rejected() - LISTED_PROBLEMS, s.jobId());
      }
    }
    s.error().ifPresent(e -> out.println("error: " + e));
    if (s.state() != JobState.SUCCEEDED) {
      out.printf(
          "resume with: mnemosyne import --resume %d (or run the same command again)%n", s.jobId());
    }
    out.flush();
  }

  private static String byCode(ImportSummary s, Severity severity) {
    Map<String, Long> counts =
        s.problems().stream()
            .filter(p -> p.severity() == severity)
            .collect(Collectors.groupingBy(JobProblem::code, TreeMap::new, Collectors.counting()));
    if (counts.isEmpty()) {
      return "";
    }
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", ", " (", ")"));
  }
}
